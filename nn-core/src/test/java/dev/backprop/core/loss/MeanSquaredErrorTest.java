package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.Setting;
import dev.backprop.api.loss.Loss;
import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest {

    private static final float[] PREDICTED = {1f, 2f, 3f, 4f, 0.5f, -1f};
    private static final float[] TARGET = {0f, 0f, 1f, 1f, 1f, 1f};
    private static final Loss SUM = new MeanSquaredError().withHyperparameters(
            Hyperparameters.of(MeanSquaredError.REDUCTION, MeanSquaredError.SUM_OVER_OUTPUTS));

    @Test
    void mean_isTheDefaultAndAveragesOverEveryElement() {
        assertEquals(Hyperparameters.of("reduction", "mean"), new MeanSquaredError().hyperparameters());
        float[] gradient = new float[6];
        double value = new MeanSquaredError().evaluate(PREDICTED, TARGET, 2, 3, gradient);
        assertEquals((1 + 4 + 4 + 9 + 0.25 + 4) / 6.0, value, 1e-12);
        assertArrayEquals(new float[] {2f / 6, 4f / 6, 4f / 6, 6f / 6, -1f / 6, -4f / 6}, gradient, 1e-7f);
    }

    /** Two examples of three outputs: each example's squares are summed, the two sums averaged. */
    @Test
    void sumOverOutputs_sumsEachExampleAndAveragesOverExamples() {
        float[] gradient = new float[6];
        double value = SUM.evaluate(PREDICTED, TARGET, 2, 3, gradient);
        assertEquals(((1 + 4 + 4) + (9 + 0.25 + 4)) / 2.0, value, 1e-12);
        assertArrayEquals(new float[] {1f, 2f, 2f, 3f, -0.5f, -2f}, gradient, 1e-7f);
    }

    @Test
    void sumOverOutputs_isWidthTimesTheMean() {
        float[] meanGradient = new float[6];
        float[] sumGradient = new float[6];
        double mean = new MeanSquaredError().evaluate(PREDICTED, TARGET, 2, 3, meanGradient);
        double sum = SUM.evaluate(PREDICTED, TARGET, 2, 3, sumGradient);
        assertEquals(3 * mean, sum, 1e-12);
        for (int i = 0; i < 6; i++) {
            assertEquals(3 * meanGradient[i], sumGradient[i], 1e-6f);
        }
    }

    @Test
    void withOneOutput_bothReductionsAgreeBitForBit() {
        float[] p = {0.25f, 0.75f, -0.5f};
        float[] y = {1f, 0f, 0.5f};
        float[] meanGradient = new float[3];
        float[] sumGradient = new float[3];
        assertEquals(new MeanSquaredError().evaluate(p, y, 3, 1, meanGradient), SUM.evaluate(p, y, 3, 1, sumGradient));
        assertArrayEquals(meanGradient, sumGradient);
    }

    @Test
    void reduction_isATextChoiceThatReadsBack() {
        assertEquals("sum_over_outputs", SUM.hyperparameters().text("reduction", ""));
        assertEquals("mse{reduction=sum_over_outputs}", SUM.toString());
        assertNotEquals(new MeanSquaredError(), SUM);
        assertEquals(new MeanSquaredError(), SUM.withHyperparameters(Hyperparameters.of("reduction", "mean")));
        MeanSquaredError mse = new MeanSquaredError();
        assertSame(mse, mse.withHyperparameters(Hyperparameters.of("reduction", "mean")));
        Setting reduction = mse.settings().find("reduction").orElseThrow();
        assertEquals("one of: mean, sum_over_outputs", reduction.allowed());
    }

    @Test
    void reduction_refusesOtherTextAndNumbers() {
        InvalidHyperparameterException text = assertThrows(InvalidHyperparameterException.class,
                () -> new MeanSquaredError().withHyperparameters(Hyperparameters.of("reduction", "sum")));
        assertEquals("Hyperparameter 'reduction' of plugin 'mse' must be one of: mean, sum_over_outputs but was the"
                + " text 'sum'. Use a value such as mean (the default).", text.getMessage());
        InvalidHyperparameterException number = assertThrows(InvalidHyperparameterException.class,
                () -> new MeanSquaredError().withHyperparameters(Hyperparameters.of("reduction", 1)));
        assertTrue(number.getMessage().contains("but was the number 1.0"), number.getMessage());
    }
}
