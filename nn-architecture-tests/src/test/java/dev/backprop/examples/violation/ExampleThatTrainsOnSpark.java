package dev.backprop.examples.violation;

import dev.backprop.spark.BackpropClassifier;

/** Fixture, never shipped: an app of nn-examples (not the Spark app) that uses nn-spark. */
public final class ExampleThatTrainsOnSpark {

    public BackpropClassifier classifier() {
        return new BackpropClassifier().setMaxIter(1);
    }
}
