package dev.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void onePartition_sharesAreTheSingleMachineBatches() {
        BatchPlan plan = BatchPlan.of(new int[] {10}, 4);
        assertEquals(3, plan.batches());
        assertEquals(4, plan.count(0, 0));
        assertEquals(4, plan.count(0, 1));
        assertEquals(2, plan.count(0, 2));
        assertEquals(8, plan.from(0, 2));
    }

    @Test
    void severalPartitions_everyBatchHasTheGlobalSize_andSharesAreProportional() {
        int[] rows = {7, 0, 13, 5};
        BatchPlan plan = BatchPlan.of(rows, 4);
        assertEquals(7, plan.batches());
        int[] total = new int[rows.length];
        for (int b = 0; b < plan.batches(); b++) {
            int batch = 0;
            for (int p = 0; p < rows.length; p++) {
                int share = plan.count(p, b);
                assertTrue(share >= 0);
                assertTrue(Math.abs(share - 4.0 * rows[p] / 25) < 2, "partition " + p + " batch " + b);
                assertEquals(total[p], plan.from(p, b));
                total[p] += share;
                batch += share;
            }
            assertEquals(Math.min(4, 25 - 4 * b), batch);
        }
        assertEquals(7, total[0]);
        assertEquals(0, total[1]);
        assertEquals(13, total[2]);
        assertEquals(5, total[3]);
    }

    @Test
    void batchLargerThanTheData_isCappedToOneBatch() {
        BatchPlan plan = BatchPlan.of(new int[] {3, 2}, 100);
        assertEquals(1, plan.batches());
        assertEquals(5, plan.batchSize());
    }

    @Test
    void noRows_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BatchPlan.of(new int[] {0, 0}, 4));
    }
}
