package dev.backprop.core.internal;

/** Work that can be cut into {@code parts} disjoint shares; share {@code part} runs on one thread. */
@FunctionalInterface
public interface PartTask {

    /** Does share {@code part} (0-based) of {@code parts}. */
    void run(int part, int parts);
}
