package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.loss.Loss;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in loss: value by hand, and gradient against central differences of the value. */
class LossGradientTest {

    /*
     * mae, huber and hinge have kinks (mae at p = y, huber's second derivative at |p − y| = δ, hinge at
     * y·p = 1), and the clipped losses (binary_cross_entropy, kl_divergence) have kinks at the clip
     * bounds. Central differences are only meaningful away from them, so every point below lies at
     * least 0.05 from a kink (huber with δ = 0.25 at |e| = 0.2 and 0.3) while the step h is 1e-3.
     */
    static Stream<Loss> losses() {
        return Stream.of(new MeanSquaredError(),
                new MeanSquaredError().withHyperparameters(Hyperparameters.of(MeanSquaredError.REDUCTION,
                        MeanSquaredError.SUM_OVER_OUTPUTS)), new CategoricalCrossEntropy(), new MeanAbsoluteError(), new Huber(),
                new Huber(0.25), new BinaryCrossEntropy(), new BinaryCrossEntropyFromLogits(), new Hinge(),
                new KullbackLeiblerDivergence());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradient_matchesCentralDifferences(Loss loss) {
        assertGradientMatchesCentralDifferences(loss, new float[] {0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.3f},
                new float[] {0f, 1f, 0f, 1f, 0f, 0f});
    }

    /**
     * Points that reach every piece: huber's linear piece (|e| = 1.7, 2.3, 1.2) as well as its
     * quadratic one, hinge margins both met (y·p = 1.7, 1.6) and violated, probabilities outside
     * [ε, 1 − ε] where binary_cross_entropy and kl_divergence clip (gradient 0 on both sides), and
     * logits of either sign.
     */
    @ParameterizedTest
    @MethodSource("losses")
    void gradient_matchesCentralDifferencesOnEveryPiece(Loss loss) {
        assertGradientMatchesCentralDifferences(loss, new float[] {-1.7f, 0.4f, 2.3f, 0.9f, -0.2f, 1.6f},
                new float[] {0f, 1f, 0f, 1f, 1f, 1f});
    }

    private static void assertGradientMatchesCentralDifferences(Loss loss, float[] predicted, float[] target) {
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
