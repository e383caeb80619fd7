package dev.backprop.core.train;

import java.util.SplittableRandom;

/**
 * The random draws of one training epoch, as one shared definition: the order in which the examples
 * are visited ({@link #arrange}) and the seed of the dropout masks ({@link #dropoutSeed}). Both come
 * from the run's seed and the epoch's number only, so a run can stop after any epoch and resume with
 * the same draws, and a distributed run (nn-spark) that visits its examples through this class sees
 * exactly what {@link Trainer} sees. Stateless.
 */
public final class EpochOrder {

    /** Odd and unlike SplittableRandom's own increment, so epochs' shuffles are not shifted copies of one stream. */
    private static final long EPOCH_SEED_STRIDE = 0xD1B54A32D192ED03L;
    /** Keeps the dropout masks' stream apart from the shuffling's and the initial weights' (same seed by default). */
    private static final long DROPOUT_SEED_OFFSET = 0x632BE59BD9B4E019L;

    private EpochOrder() {
    }

    /** The seed of epoch {@code epoch}'s shuffle in a run seeded with {@code seed}. */
    public static long shuffleSeed(long seed, int epoch) {
        return seed + EPOCH_SEED_STRIDE * epoch;
    }

    /** The seed the dropout masks restart from at the beginning of epoch {@code epoch} of a run seeded with {@code seed}. */
    public static long dropoutSeed(long seed, int epoch) {
        return shuffleSeed(seed + DROPOUT_SEED_OFFSET, epoch);
    }

    /**
     * Fills {@code order} with the identity ({@code 0, 1, ..., n − 1}), then, if {@code shuffle}, permutes
     * it by a Fisher–Yates shuffle drawn from a generator seeded with {@link #shuffleSeed(long, int)
     * shuffleSeed(seed, epoch)}. Same arguments, same order.
     */
    public static void arrange(int[] order, long seed, int epoch, boolean shuffle) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            permute(order, shuffleSeed(seed, epoch));
        }
    }

    /** A Fisher–Yates shuffle of {@code order} in place, drawn from a generator seeded with {@code streamSeed}. */
    public static void permute(int[] order, long streamSeed) {
        SplittableRandom random = new SplittableRandom(streamSeed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
