package dev.backprop.io.violation;

import org.apache.spark.sql.SparkSession;

/** Fixture, never shipped: a library module outside nn-spark that starts Spark. */
public final class IoThatStartsSpark {

    public SparkSession session() {
        return SparkSession.builder().master("local[1]").getOrCreate();
    }
}
