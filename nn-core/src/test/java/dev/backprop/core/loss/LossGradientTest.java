package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.loss.Loss;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in loss: value by hand, and gradient against central differences of the value. */
class LossGradientTest {

    static Stream<Loss> losses() {
        return Stream.of(new MeanSquaredError(), new CategoricalCrossEntropy());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradient_matchesCentralDifferences(Loss loss) {
        float[] predicted = {0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.3f};
        float[] target = {0f, 1f, 0f, 1f, 0f, 0f};
        float[] gradient = new float[6];
        loss.evaluate(predicted, target, 2, 3, gradient);
        float h = 1e-3f;
        for (int i = 0; i < 6; i++) {
            float[] plus = predicted.clone();
            float[] minus = predicted.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss.evaluate(plus, target, 2, 3, new float[6]) - loss.evaluate(minus, target, 2, 3,
                    new float[6])) / ((double) plus[i] - minus[i]);
            assertEquals(numeric, gradient[i], 2e-3 * Math.max(1, Math.abs(numeric)), loss.id() + " element " + i);
        }
    }

    @Test
    void mse_averagesSquaresOverEveryOutputAndExample() {
        float[] gradient = new float[4];
        double value = new MeanSquaredError().evaluate(new float[] {1f, 2f, 3f, 4f}, new float[] {0f, 0f, 0f, 0f},
                2, 2, gradient);
        assertEquals((1 + 4 + 9 + 16) / 4.0, value, 1e-9);
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, gradient, 1e-6f);
    }

    @Test
    void crossEntropy_sumsOverClassesAndAveragesOverExamples() {
        double value = new CategoricalCrossEntropy().evaluate(new float[] {0.5f, 0.5f, 0.25f, 0.75f},
                new float[] {1f, 0f, 0f, 1f}, 2, 2, new float[4]);
        assertEquals((-Math.log(0.5) - Math.log(0.75)) / 2, value, 1e-6);
    }

    @Test
    void crossEntropy_confidentMistakeIsLargeButFinite() {
        double value = new CategoricalCrossEntropy().evaluate(new float[] {0f, 1f}, new float[] {1f, 0f}, 1, 2,
                new float[2]);
        assertEquals(-Math.log(CategoricalCrossEntropy.EPSILON), value, 1e-6);
    }
}
