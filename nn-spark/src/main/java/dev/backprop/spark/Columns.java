package dev.backprop.spark;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks and output columns shared by the estimator and the model. */
final class Columns {

    private Columns() {
    }

    static void requireVector(StructType schema, String column, String param) {
        DataType type = typeOf(schema, column, param, "a vector column (VectorAssembler's output)");
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("Column '" + column + "' (param '" + param + "') must be of type"
                    + " vector but is " + type.simpleString() + ": assemble the feature columns into one vector with"
                    + " VectorAssembler, or point " + param + " at the vector column.");
        }
    }

    static void requireNumeric(StructType schema, String column, String param) {
        DataType type = typeOf(schema, column, param, "a numeric column of class indices");
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("Column '" + column + "' (param '" + param + "') must be numeric"
                    + " (class indices 0, 1, ...) but is " + type.simpleString() + ": index string labels with"
                    + " StringIndexer first.");
        }
    }

    private static DataType typeOf(StructType schema, String column, String param, String expected) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("Column '" + column + "' (param '" + param + "') is not in the"
                    + " DataFrame, whose columns are " + Arrays.toString(schema.fieldNames()) + ": expected "
                    + expected + "; set " + param + " to one of them.");
        }
        return schema.apply(column).dataType();
    }

    /** {@code schema} with the raw-prediction, probability and prediction columns added (an empty name: not added). */
    static StructType withOutputs(StructType schema, String raw, String probability, String prediction) {
        StructType out = schema;
        for (String name : new String[] {raw, probability, prediction}) {
            if (!name.isEmpty() && Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("Output column '" + name + "' already exists in the DataFrame:"
                        + " rename it or set another output column name.");
            }
        }
        if (!raw.isEmpty()) {
            out = out.add(new StructField(raw, SQLDataTypes.VectorType(), false,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        if (!probability.isEmpty()) {
            out = out.add(new StructField(probability, SQLDataTypes.VectorType(), false,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        if (!prediction.isEmpty()) {
            out = out.add(new StructField(prediction, DataTypes.DoubleType, false,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return out;
    }
}
