package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllFiniteKernelTest {

    private static List<MatrixKernels> kernels() {
        List<MatrixKernels> all = new ArrayList<>(List.of(MatrixKernels.loops()));
        MatrixKernels.vector().ifPresent(all::add);
        return all;
    }

    @Test
    void vectorKernels_areLoadedInTheTestJvm() {
        assertTrue(MatrixKernels.vector().isPresent(), "the tests run with --add-modules=jdk.incubator.vector");
    }

    @Test
    void finiteValues_includingTheLargestFloats_areFinite() {
        float[] values = new float[1000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble(-1, 1) * Float.MAX_VALUE);
        }
        values[3] = Float.MAX_VALUE;
        values[4] = -Float.MAX_VALUE;
        values[5] = Float.MIN_VALUE;
        for (MatrixKernels kernel : kernels()) {
            assertTrue(kernel.allFinite(values, 0, values.length), kernel.name());
            assertTrue(kernel.allFinite(values, 7, 7), kernel.name() + ": an empty range");
        }
    }

    @Test
    void oneNaNOrInfinity_atAnyPositionOfTheRange_isFound_andOutsideTheRangeIsIgnored() {
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int length = 203;
        for (MatrixKernels kernel : kernels()) {
            for (float special : specials) {
                for (int at = 0; at < length; at++) {
                    float[] values = new float[length];
                    values[at] = special;
                    assertFalse(kernel.allFinite(values, 0, length), kernel.name() + " " + special + " at " + at);
                    assertEquals(at < 5 || at >= 190, kernel.allFinite(values, 5, 190),
                            kernel.name() + " " + special + " at " + at + " with the range [5, 190)");
                }
            }
        }
    }
}
