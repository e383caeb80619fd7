package dev.backprop.examples.console;

/** What an example learns, which decides the figures it reports: accuracy only for classification. */
public enum ProblemKind {

    /** Classes: loss and accuracy. */
    CLASSIFICATION,

    /** Continuous targets: loss only (accuracy means nothing). */
    REGRESSION;

    /** Whether accuracy figures are reported. */
    public boolean hasAccuracy() {
        return this == CLASSIFICATION;
    }
}
