package dev.backprop.benchmarks;

/** One share of a kernel call: what thread {@code part} of {@code parts} computes. */
@FunctionalInterface
interface Share {

    /** Computes share {@code part} of {@code parts}. */
    void run(int part, int parts);
}
