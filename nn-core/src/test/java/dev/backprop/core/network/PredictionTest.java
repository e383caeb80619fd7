package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PredictionTest {

    private final Network network = Network.builder().input(6).dense(9, "relu").dense(4, "softmax").seed(3).build();

    @Test
    void predictBatch_equalsPredictingEachRow_evenAcrossChunks() {
        int rows = 150;   // more than one prediction chunk
        float[] inputs = random(rows * 6, 1);
        float[] batch = network.predict(inputs, rows);
        for (int row = 0; row < rows; row++) {
            float[] one = network.predict(Arrays.copyOfRange(inputs, row * 6, row * 6 + 6));
            assertArrayEquals(one, Arrays.copyOfRange(batch, row * 4, row * 4 + 4), "row " + row);
        }
    }

    @Test
    void predict_fromManyThreadsAtOnce_givesTheSameAnswers() throws Exception {
        float[] inputs = random(200 * 6, 2);
        float[] expected = network.predict(inputs, 200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    float[] out = new float[200 * 4];
                    float[] one = new float[4];
                    for (int repeat = 0; repeat < 20; repeat++) {
                        for (int row = 0; row < 200; row++) {
                            network.predict(Arrays.copyOfRange(inputs, row * 6, row * 6 + 6), 1, one);
                            System.arraycopy(one, 0, out, row * 4, 4);
                        }
                    }
                    return out;
                }));
            }
            for (Future<float[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predict_wrongInputWidth_saysWhatWasExpected() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> network.predict(new float[5]));
        assertEquals("Expected 1 input rows of 6 features (6 values) but found 5 values: each example needs 6"
                + " features, as in input(6).", e.getMessage());
    }

    private static float[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-2, 2);
        }
        return values;
    }
}
