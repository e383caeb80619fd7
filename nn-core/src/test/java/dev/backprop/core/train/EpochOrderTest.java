package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void arrange_withoutShuffle_isTheIdentity() {
        int[] order = new int[7];
        Arrays.fill(order, -1);
        EpochOrder.arrange(order, 42, 3, false);
        assertArrayEquals(IntStream.range(0, 7).toArray(), order);
    }

    @Test
    void arrange_sameSeedAndEpoch_sameOrder_otherEpoch_otherOrder() {
        int[] first = new int[50];
        int[] again = new int[50];
        int[] next = new int[50];
        EpochOrder.arrange(first, 42, 1, true);
        EpochOrder.arrange(again, 42, 1, true);
        EpochOrder.arrange(next, 42, 2, true);
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, next));
        assertArrayEquals(IntStream.range(0, 50).toArray(), Arrays.stream(first).sorted().toArray());
    }

    /** Pins the draws Trainer made before they moved here: changing them changes every seeded run's weights. */
    @Test
    void arrange_pinnedOrder_staysTheSameAcrossReleases() {
        int[] order = new int[10];
        EpochOrder.arrange(order, 42, 1, true);
        assertArrayEquals(new int[] {4, 8, 3, 0, 2, 6, 7, 5, 1, 9}, order);
    }

    @Test
    void dropoutSeed_isApartFromTheShuffleSeed() {
        assertNotEquals(EpochOrder.shuffleSeed(42, 1), EpochOrder.dropoutSeed(42, 1));
        assertEquals(EpochOrder.shuffleSeed(42 + 0x632BE59BD9B4E019L, 5), EpochOrder.dropoutSeed(42, 5));
    }
}
