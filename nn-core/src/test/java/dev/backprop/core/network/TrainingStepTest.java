package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingStepTest {

    private static final int ROWS = 24;
    private static final int IN = 6;
    private static final int OUT = 4;

    private final PluginRegistry registry = PluginRegistry.discovered();
    private final Loss loss = registry.loss("categorical_cross_entropy");
    private final Optimizer adam = registry.optimizer("adam");
    private final float[] inputs = inputs(ROWS, 1);
    private final float[] targets = oneHot(ROWS, 2);

    private Network network() {
        return Network.builder().input(IN).dense(16, "tanh").dropout(0.25).dense(OUT, "softmax").seed(7).build();
    }

    @Test
    void step_isGradientsThenApply_bitForBit() {
        Network a = network();
        Network b = network();
        try (TrainingStep stepA = TrainingStep.builder(a, loss, adam).capacity(ROWS).dropoutSeed(3).build();
             TrainingStep stepB = TrainingStep.builder(b, loss, adam).capacity(ROWS).dropoutSeed(3).build()) {
            for (int i = 0; i < 5; i++) {
                double lossA = stepA.step(inputs, targets, ROWS);
                Gradients gradients = stepB.gradients(inputs, targets, ROWS);
                stepB.apply(gradients);
                assertEquals(lossA, stepB.lastLoss());
            }
        }
        assertSameParameters(a, b);
    }

    @Test
    void gradientsOfTwoHalves_weightedBySize_sumToTheWholeBatchGradient() {
        Network network = Network.builder().input(IN).dense(8, "sigmoid").dense(OUT, "softmax").seed(2).build();
        try (TrainingStep step = TrainingStep.builder(network, loss, adam).capacity(ROWS).build()) {
            Gradients whole = step.gradients(inputs, targets, ROWS).copy();
            int first = 10;
            Gradients sum = step.gradients(inputs, targets, first).copy().scale(first);
            float[] restInputs = new float[(ROWS - first) * IN];
            System.arraycopy(inputs, first * IN, restInputs, 0, restInputs.length);
            float[] restTargets = new float[(ROWS - first) * OUT];
            System.arraycopy(targets, first * OUT, restTargets, 0, restTargets.length);
            sum.add(step.gradients(restInputs, restTargets, ROWS - first).copy().scale(ROWS - first)).scale(1.0 / ROWS);
            for (String name : whole.names()) {
                float[] expected = whole.get(name);
                float[] actual = sum.get(name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-6, name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void apply_ofGradientsSummedElsewhere_updatesLikeTheStep() {
        Network a = network();
        Network b = network();
        try (TrainingStep stepA = TrainingStep.builder(a, loss, adam).capacity(ROWS).dropoutSeed(5).build();
             TrainingStep stepB = TrainingStep.builder(b, loss, adam).capacity(ROWS).dropoutSeed(5).build()) {
            Gradients shipped = Gradients.fromBytes(stepA.gradients(inputs, targets, ROWS).toBytes());
            stepA.apply(shipped);
            stepB.step(inputs, targets, ROWS);
        }
        assertSameParameters(a, b);
    }

    /**
     * Big enough that every product and element-wise phase is cut into shares (64·260·260 multiply-adds,
     * more than 3·2²⁰; 64·260 activations, more than 3·4096).
     */
    @Test
    void stepsOnThreeThreads_equalStepsOnOne_withEveryLargePhaseShared() {
        int rows = 512;
        int width = 400;
        float[] wideInputs = new float[rows * width];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < wideInputs.length; i++) {
            wideInputs[i] = (float) random.nextDouble(-1, 1);
        }
        float[] wideTargets = oneHot(rows, 4);
        Network one = wide(width);
        Network three = wide(width);
        assertTrue((long) rows * width * width >= 3 * Phase.MULTIPLY_ADDS_PER_SHARE, "the product has 3 shares");
        assertTrue((long) rows * width >= 3 * Phase.ELEMENTS_PER_SHARE, "the activation has 3 shares");
        try (TrainingStep single = TrainingStep.builder(one, loss, adam).capacity(rows).threads(1).dropoutSeed(4)
                .clipping(GradientClipping.byNorm(0.5)).build();
             TrainingStep team = TrainingStep.builder(three, loss, adam).capacity(rows).threads(3).dropoutSeed(4)
                .clipping(GradientClipping.byNorm(0.5)).build()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(single.step(wideInputs, wideTargets, rows), team.step(wideInputs, wideTargets, rows));
            }
        }
        assertSameParameters(one, three);
    }

    private static Network wide(int width) {
        return Network.builder().input(width).dense(width, "tanh").dropout(0.25).dense(OUT, "softmax").seed(3).build();
    }

    @Test
    void apply_ofGradientsFromElsewhere_leavesThemUnchanged_evenWhenClipping() {
        Network a = network();
        Network b = network();
        try (TrainingStep stepA = TrainingStep.builder(a, loss, adam).capacity(ROWS).dropoutSeed(1)
                .clipping(GradientClipping.byNorm(1e-3)).build();
             TrainingStep stepB = TrainingStep.builder(b, loss, adam).capacity(ROWS).dropoutSeed(1)
                .clipping(GradientClipping.byNorm(1e-3)).build()) {
            Gradients summed = stepA.gradients(inputs, targets, ROWS).copy();
            Gradients before = summed.copy();
            stepA.apply(summed);
            stepB.apply(summed);
            for (String name : summed.names()) {
                assertArrayEquals(before.get(name), summed.get(name), name + " unchanged by apply");
            }
        }
        assertSameParameters(a, b);
    }

    @Test
    void aClosedStep_refusesToTrain() {
        TrainingStep step = TrainingStep.builder(network(), loss, adam).capacity(ROWS).build();
        step.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> step.step(inputs, targets, ROWS));
        assertTrue(e.getMessage().startsWith("This training step was closed"), e.getMessage());
    }

    @Test
    void learningRateZero_measuresButChangesNothing_andOtherRatesChangeTheStep() {
        Network network = network();
        float[] before = network.parameter("dense_1.weight").read();
        try (TrainingStep step = TrainingStep.builder(network, loss, adam).capacity(ROWS).build()) {
            step.learningRate(0);
            assertEquals(0, step.currentLearningRate());
            assertTrue(Double.isFinite(step.step(inputs, targets, ROWS)));
            assertArrayEquals(before, network.parameter("dense_1.weight").read());
            assertEquals(0, step.optimizerStates().get(0).step(), "no update, no step counted");
            step.learningRate(0.01);
            assertEquals(0.01, step.currentLearningRate());
            step.step(inputs, targets, ROWS);
            assertFalse(Arrays.equals(before, network.parameter("dense_1.weight").read()));
            assertEquals(1, step.optimizerStates().get(0).step());
        }
    }

    @Test
    void clippingByValue_boundsTheGradientsItApplies() {
        Network network = network();
        try (TrainingStep step = TrainingStep.builder(network, loss, adam).capacity(ROWS)
                .clipping(GradientClipping.byValue(1e-4)).build()) {
            Gradients gradients = step.gradients(inputs, targets, ROWS);
            step.apply(gradients);
            for (String name : gradients.names()) {
                for (float g : gradients.get(name)) {
                    assertTrue(Math.abs(g) <= 1e-4f, name + ": " + g);
                }
            }
        }
    }

    @Test
    void aNonFiniteLoss_leavesTheParametersAlone_andNamesTheLayer() {
        Network network = network();
        float[] bad = inputs.clone();
        bad[3] = Float.NaN;
        float[] before = network.parameter("dense_2.bias").read();
        try (TrainingStep step = TrainingStep.builder(network, loss, adam).capacity(ROWS).build()) {
            assertTrue(Double.isNaN(step.step(bad, targets, ROWS)));
            assertArrayEquals(before, network.parameter("dense_2.bias").read());
            assertEquals("layer 1 ('tanh', its weighted sums)", step.firstNonFiniteLayer().orElseThrow());
        }
    }

    @Test
    void apply_ofAnotherArchitecturesGradients_isRefused() {
        Network network = network();
        Gradients other = Network.builder().input(IN).dense(5, "tanh").dense(OUT, "softmax").build().newGradients();
        try (TrainingStep step = TrainingStep.builder(network, loss, adam).capacity(ROWS).build()) {
            ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> step.apply(other));
            assertTrue(e.getMessage().contains("Expected gradient 1 to be 'dense_1.weight' 6 × 16 but found"
                    + " 'dense_1.weight' 6 × 5"), e.getMessage());
            assertEquals(0, step.optimizerStates().get(0).step(), "refused before any state advanced");
        }
    }

    @Test
    void savedStatesThatDoNotFit_areRefusedWithTheParameterName() {
        Network network = network();
        List<OptimizerState> sgdStates = network.parameters().stream().map(p -> new OptimizerState(0, p.size())).toList();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> TrainingStep.builder(network, loss, adam).optimizerStates(sgdStates).build());
        assertTrue(e.getMessage().contains("'dense_1.weight'") && e.getMessage().contains("'adam' needs 2 slots"),
                e.getMessage());
    }

    @Test
    void aBatchLargerThanTheCapacity_isRefused() {
        try (TrainingStep step = TrainingStep.builder(network(), loss, adam).capacity(8).build()) {
            ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                    () -> step.step(inputs, targets, ROWS));
            assertTrue(e.getMessage().contains("between 1 and 8 examples"), e.getMessage());
            assertEquals(8, step.capacity());
        }
    }

    private static void assertSameParameters(Network expected, Network actual) {
        for (Parameter parameter : expected.parameters()) {
            assertArrayEquals(parameter.values(), actual.parameter(parameter.name()).values(), parameter.name());
        }
    }

    private static float[] inputs(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * IN];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-2, 2);
        }
        return values;
    }

    private static float[] oneHot(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * OUT];
        for (int row = 0; row < rows; row++) {
            values[row * OUT + random.nextInt(OUT)] = 1;
        }
        return values;
    }

    @Test
    void trace_holdsTheSeedsQuantities_asComputedByHand() {
        Network network = Network.builder().input(2).dense(3, "sigmoid").dense(1, "sigmoid").seed(4).build();
        Loss mse = registry.loss("mse");
        float[] x = {0.5f, -1f, 2f, 0.25f};
        float[] y = {1f, 0f};
        try (TrainingStep step = TrainingStep.builder(network, mse, adam).capacity(2).build()) {
            assertThrows(IllegalStateException.class, step::trace, "nothing computed yet");
            step.gradients(x, y, 2);
            PassTrace trace = step.trace();

            float[][] w1 = network.parameter("dense_1.weight").read(Parameter.Orientation.IN_BY_OUT);
            float[] b1 = network.parameter("dense_1.bias").values();
            float[][] w2 = network.parameter("dense_2.weight").read(Parameter.Orientation.IN_BY_OUT);
            float[] b2 = network.parameter("dense_2.bias").values();
            double loss = 0;
            double[][] delta2 = new double[2][1];
            double[][] a1 = new double[2][3];
            for (int r = 0; r < 2; r++) {
                for (int j = 0; j < 3; j++) {
                    double z = x[2 * r] * w1[0][j] + x[2 * r + 1] * w1[1][j] + b1[j];
                    a1[r][j] = 1 / (1 + Math.exp(-z));
                    assertEquals(z, trace.layers().get(0).z()[r][j], 1e-6);
                    assertEquals(a1[r][j], trace.layers().get(0).a()[r][j], 1e-6);
                }
                double z2 = b2[0];
                for (int j = 0; j < 3; j++) {
                    z2 += a1[r][j] * w2[j][0];
                }
                double a2 = 1 / (1 + Math.exp(-z2));
                assertEquals(a2, trace.layers().get(1).a()[r][0], 1e-6);
                loss += (a2 - y[r]) * (a2 - y[r]) / 2;
                delta2[r][0] = 2 * (a2 - y[r]) / 2 * a2 * (1 - a2);
                assertEquals(delta2[r][0], trace.layers().get(1).delta()[r][0], 1e-6, "δ = ∂E/∂z of the output");
                for (int j = 0; j < 3; j++) {
                    double delta1 = delta2[r][0] * w2[j][0] * a1[r][j] * (1 - a1[r][j]);
                    assertEquals(delta1, trace.layers().get(0).delta()[r][j], 1e-6, "δ of the hidden layer");
                }
            }
            assertEquals(loss, trace.loss(), 1e-6);
            assertEquals(List.of("dense_1", "dense_2"), trace.layers().stream().map(PassTrace.Layer::name).toList());
            assertEquals("sigmoid", trace.layers().get(0).activation());
            for (int j = 0; j < 3; j++) {
                double dw = a1[0][j] * delta2[0][0] + a1[1][j] * delta2[1][0];
                assertEquals(dw, trace.gradients().get("dense_2.weight")[j], 1e-6, "∂E/∂w = aᵀ·δ");
            }
            step.gradients(x, y, 1);
            assertEquals(2, trace.layers().get(0).z().length, "a trace is a copy: the next pass leaves it alone");
        }
    }
}
