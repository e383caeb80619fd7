package dev.backprop.core.network;

import java.util.SplittableRandom;

/**
 * The generator a workspace draws its dropout masks from; restarted from a seed once per epoch. Every
 * mask value is one {@code nextDouble()} draw, so the stream's position after a batch is the number of
 * values drawn so far, and {@link #skip} can move it there without drawing masks.
 */
final class DropoutStream {

    private SplittableRandom random;

    DropoutStream(long seed) {
        reseed(seed);
    }

    /** Restarts the stream: the same seed gives the same masks. */
    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Moves the stream on by {@code draws} values, as if that many mask values had been drawn. */
    void skip(long draws) {
        for (long i = 0; i < draws; i++) {
            random.nextDouble();
        }
    }

    /** The current generator. */
    SplittableRandom random() {
        return random;
    }
}
