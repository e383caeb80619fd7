package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.loss.Loss;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Loss} must keep. Extend it in your tests and implement
 * {@link #instance()}; override {@link #predictions} and {@link #targets} when the loss needs
 * particular inputs (probabilities, logits, labels of ±1, ...).
 *
 * <pre>{@code
 * class LogCoshContractTest extends LossContract {
 *     protected Loss instance() { return new LogCosh(); }
 * }
 * }</pre>
 *
 * By default predictions are uniform in [0.1, 0.9] (valid probabilities, away from clip bounds)
 * and targets are one-hot rows, which suits regression and classification losses alike.
 */
public abstract class LossContract extends PluginContract<Loss> {

    /** The loss under test. */
    protected abstract Loss instance();

    @Override
    protected Loss withHyperparameters(Loss plugin, Hyperparameters requested) {
        return plugin.withHyperparameters(requested);
    }

    /** Rows of the test batches; 3 by default. */
    protected int batchSize() {
        return 3;
    }

    /** Columns of the test batches; 4 by default. */
    protected int width() {
        return 4;
    }

    /**
     * Valid predictions for a {@code batchSize × width} batch; they must keep at least 2h = 2e-3
     * away from any kink of the loss. Uniform in [0.1, 0.9] by default.
     */
    protected float[] predictions(Random random, int batchSize, int width) {
        float[] p = new float[batchSize * width];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.1f + 0.8f * random.nextFloat();
        }
        return p;
    }

    /**
     * Valid targets for a {@code batchSize × width} batch, {@code batchSize × targetWidth(width)} values;
     * one-hot rows by default (override for losses that read class labels or other targets).
     */
    protected float[] targets(Random random, int batchSize, int width) {
        float[] y = new float[batchSize * width];
        for (int b = 0; b < batchSize; b++) {
            y[b * width + random.nextInt(width)] = 1f;
        }
        return y;
    }

    /**
     * Step of the central difference of {@code evaluate}: 1e-3. Float inputs carry a relative
     * rounding of 6e-8, which costs about {@code 6e-8·|E|/h ≈ 1e-4} for losses of order one, while
     * the truncation {@code h²·|E'''|/6} stays near 1e-7; see {@link #gradientTolerance()}.
     */
    protected float step() {
        return 1e-3f;
    }

    /** Agreement required between the gradient and the central difference, relative to max(1, |∂E/∂p|): 2e-3. */
    protected double gradientTolerance() {
        return 2e-3;
    }

    /** Seed of the random inputs; fixed so that failures repeat. */
    protected long seed() {
        return 20240602L;
    }

    /** {@code gradient[i]} must be ∂E/∂predicted[i]: checked against central differences of evaluate. */
    @RepeatedTest(3)
    public void gradient_matchesCentralDifferencesOfEvaluate(RepetitionInfo repetition) {
        Loss loss = instance();
        int batch = batchSize();
        int width = width();
        int n = batch * width;
        Random random = new Random(seed() + repetition.getCurrentRepetition());
        float[] predicted = predictions(random, batch, width);
        float[] target = targets(random, batch, width);
        float[] gradient = new float[n];
        loss.evaluate(predicted, target, batch, width, gradient);
        float h = step();
        for (int i = 0; i < n; i++) {
            float[] plus = predicted.clone();
            float[] minus = predicted.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (loss.evaluate(plus, target, batch, width, new float[n])
                    - loss.evaluate(minus, target, batch, width, new float[n])) / ((double) plus[i] - minus[i]);
            double allowed = gradientTolerance() * Math.max(1, Math.abs(numeric));
            if (DerivativeMismatch.differ(gradient[i], numeric, allowed)) {
                fail(DerivativeMismatch.describe(loss.id(), "∂E/∂predicted[" + i + "] (row " + i / width
                        + ", column " + i % width + ") at input predicted = " + predicted[i] + ", "
                        + targetText(target, i, batch, width, loss.targetWidth(width)), gradient[i], numeric, allowed));
            }
        }
    }

    /** The target of element {@code i}'s row as a message shows it: the value, or the class label. */
    private static String targetText(float[] target, int i, int batch, int width, int targetWidth) {
        int row = i / width;
        if (targetWidth == width && target.length >= batch * width) {
            return "target = " + target[i];
        }
        StringBuilder text = new StringBuilder("targets of the row = [");
        for (int k = 0; k < targetWidth && row * targetWidth + k < target.length; k++) {
            text.append(k == 0 ? "" : ", ").append(target[row * targetWidth + k]);
        }
        return text.append(']').toString();
    }

    /**
     * The value and every gradient element are finite; exactly the first {@code batchSize · width}
     * gradient elements are written (a longer array keeps its tail); the inputs are not changed.
     */
    @Test
    public void evaluate_isFiniteWritesTheWholeGradientAndLeavesInputsAlone() {
        Loss loss = instance();
        int batch = batchSize();
        int width = width();
        int n = batch * width;
        Random random = new Random(seed());
        float[] predicted = predictions(random, batch, width);
        float[] target = targets(random, batch, width);
        float[] predictedBefore = predicted.clone();
        float[] targetBefore = target.clone();
        float[] gradient = new float[n + 3];
        Arrays.fill(gradient, Float.NaN);

        double value = loss.evaluate(predicted, target, batch, width, gradient);

        assertTrue(Double.isFinite(value), loss.id() + ": the loss value is " + value + ", expected a finite number");
        for (int i = 0; i < n; i++) {
            assertTrue(Float.isFinite(gradient[i]), loss.id() + ": gradient[" + i + "] at input predicted = "
                    + predicted[i] + " was not written or not finite: " + gradient[i]);
        }
        for (int i = n; i < gradient.length; i++) {
            assertTrue(Float.isNaN(gradient[i]), loss.id() + ": gradient[" + i + "] lies beyond batchSize·width");
        }
        assertArrayEquals(predictedBefore, predicted, loss.id() + ": evaluate must not change predicted");
        assertArrayEquals(targetBefore, target, loss.id() + ": evaluate must not change target");
    }

    /** The gradient is overwritten, never accumulated into; evaluating twice gives the same result. */
    @Test
    public void evaluate_overwritesTheGradientAndIsRepeatable() {
        Loss loss = instance();
        int batch = batchSize();
        int width = width();
        int n = batch * width;
        Random random = new Random(seed() + 10);
        float[] predicted = predictions(random, batch, width);
        float[] target = targets(random, batch, width);
        float[] first = new float[n];
        double value = loss.evaluate(predicted, target, batch, width, first);
        float[] second = first.clone();
        double again = loss.evaluate(predicted, target, batch, width, second);
        assertEquals(value, again, 0.0, loss.id() + ": evaluate must be repeatable");
        assertArrayEquals(first, second, loss.id() + ": the gradient must be overwritten, not accumulated");
    }
}
