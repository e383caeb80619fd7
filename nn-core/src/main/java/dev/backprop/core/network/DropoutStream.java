package dev.backprop.core.network;

import java.util.SplittableRandom;

/** The generator a workspace draws its dropout masks from; restarted from a seed once per epoch. */
final class DropoutStream {

    private SplittableRandom random;

    DropoutStream(long seed) {
        reseed(seed);
    }

    /** Restarts the stream: the same seed gives the same masks. */
    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The current generator. */
    SplittableRandom random() {
        return random;
    }
}
