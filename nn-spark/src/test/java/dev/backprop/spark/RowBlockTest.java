package dev.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.core.train.EpochOrder;
import org.junit.jupiter.api.Test;

class RowBlockTest {

    @Test
    void packer_packsFeaturesAndIndexTargets_andShuffleFollowsEpochOrderForPartitionZero() {
        BlockPacker packer = new BlockPacker(0, 2, 3, false, "features", "label");
        for (int i = 0; i < 5; i++) {
            packer.add(new double[] {i, 10 + i}, i % 3);
        }
        RowBlock block = packer.build();
        assertEquals(5, block.rows());
        assertArrayEquals(new float[] {0, 1, 2, 0, 1}, block.targets());
        RowBlock shuffled = block.shuffled(42, 3);
        int[] order = new int[5];
        EpochOrder.arrange(order, 42, 3, true);
        for (int i = 0; i < 5; i++) {
            assertEquals(order[i], shuffled.features()[2 * i]);
            assertEquals(order[i] % 3, shuffled.targets()[i]);
        }
    }

    @Test
    void packer_oneHotTargets() {
        BlockPacker packer = new BlockPacker(1, 1, 3, true, "features", "label");
        packer.add(new double[] {1}, 2);
        assertArrayEquals(new float[] {0, 0, 1}, packer.build().targets());
    }

    @Test
    void packer_refusesWrongWidthAndBadLabels_namingTheColumn() {
        BlockPacker packer = new BlockPacker(0, 2, 3, false, "f", "y");
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> packer.add(new double[] {1}, 0));
        assertEquals(true, width.getMessage().contains("'f'"));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> packer.add(new double[] {1, 2}, 1.5));
        assertEquals(true, label.getMessage().contains("'y'"));
    }
}
