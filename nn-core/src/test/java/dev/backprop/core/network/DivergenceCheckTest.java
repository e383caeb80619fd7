package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.PluginFailedException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.api.loss.ElementwiseLoss;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step's divergence check: an update that leaves a NaN or an infinity in a parameter throws, naming
 * the parameter and where the first non-finite value came from; a plugin that throws is named.
 */
class DivergenceCheckTest {

    private final PluginRegistry registry = PluginRegistry.discovered();
    private final Loss mse = registry.loss("mse");

    /** An activation with the identity's value and {@code derivative} as its derivative. */
    static ScalarActivation activation(String id, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
        return new ScalarActivation() {
            @Override
            public PluginId id() {
                return PluginId.of(id);
            }

            @Override
            public double value(double x) {
                return value.applyAsDouble(x);
            }

            @Override
            public double derivative(double x, double y) {
                return derivative.applyAsDouble(x);
            }
        };
    }

    private static float[] inputs(int rows, int width) {
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i + 1);
        }
        return values;
    }

    private Optimizer sgd(double rate) {
        return registry.optimizer(PluginId.of("sgd"), Hyperparameters.of(Optimizer.LEARNING_RATE, rate));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void overflowingLearningRate_namesTheParameterAndTheOptimizer(int threads) {
        Network network = Network.builder().input(2).dense(1, "identity").seed(1).build();
        float[] inputs = {100, 100};
        float[] targets = {-1e6f};
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(1e38)).threads(threads).build()) {
            NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                    () -> step.step(inputs, targets, 1));
            assertTrue(e.getMessage().startsWith("The update made dense_1.weight -Infinity (first at index 0): its"
                    + " gradient was finite, so the optimizer 'sgd' (learning rate 1.0E38) overflowed float. Lower the"
                    + " learning rate, or clip the gradients."), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void activationWhoseDerivativeIsNaN_isBlamed_evenThoughTheLossIsFinite(int threads) {
        ScalarActivation nanBackward = activation("acme.nan_backward", x -> x, x -> Double.NaN);
        Network network = Network.builder().input(4).dense(64, nanBackward).dense(40, "sigmoid").seed(3).build();
        int rows = 64;
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.1)).capacity(rows).threads(threads)
                .build()) {
            NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                    () -> step.step(inputs(rows, 4), new float[rows * 40], rows));
            assertTrue(Double.isFinite(step.lastLoss()), "the forward pass and the loss were fine");
            assertEquals("The update made dense_1.weight NaN (first at index 0): the gradient of dense_1.weight was NaN"
                    + " (first at index 0), and it started in the backward (derivative) of the activation"
                    + " 'acme.nan_backward' of dense_1, which returned NaN or infinity from finite inputs: fix that"
                    + " plugin, or choose another activation.", e.getMessage());
        }
    }

    @Test
    void outputActivationWhoseDerivativeIsInfinite_isBlamed_notTheLoss() {
        ScalarActivation infBackward = activation("acme.inf_backward", x -> x, x -> Double.POSITIVE_INFINITY);
        Network network = Network.builder().input(3).dense(5, "tanh").dense(2, infBackward).seed(3).build();
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.1)).capacity(4).build()) {
            NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                    () -> step.step(inputs(4, 3), new float[8], 4));
            assertTrue(e.getMessage().contains("it started in the backward (derivative) of the activation"
                    + " 'acme.inf_backward' of dense_2"), e.getMessage());
        }
    }

    @Test
    void lossWhoseGradientIsNaN_isBlamed() {
        Loss nanGradient = new ElementwiseLoss() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.nan_gradient");
            }

            @Override
            public double value(double predicted, double target) {
                return (predicted - target) * (predicted - target);
            }

            @Override
            public double derivative(double predicted, double target) {
                return Double.NaN;
            }
        };
        Network network = Network.builder().input(3).dense(5, "tanh").dense(2, "sigmoid").seed(3).build();
        try (TrainingStep step = TrainingStep.builder(network, nanGradient, sgd(0.1)).capacity(4).build()) {
            NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                    () -> step.step(inputs(4, 3), new float[8], 4));
            assertTrue(e.getMessage().contains("it started in the loss 'acme.nan_gradient', whose gradient ∂E/∂a of"
                    + " dense_2 was not finite: fix that plugin, or check the targets."), e.getMessage());
        }
    }

    @Test
    void foreignGradientsWithAnInfinity_areNamedAsSuch() {
        Network network = Network.builder().input(3).dense(2, "tanh").seed(3).build();
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.1)).capacity(4).build()) {
            Gradients summedElsewhere = network.newGradients();
            summedElsewhere.get("dense_1.bias")[1] = Float.POSITIVE_INFINITY;
            NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                    () -> step.apply(summedElsewhere));
            assertEquals("The update made dense_1.bias -Infinity (first at index 1): the gradient of dense_1.bias was"
                    + " Infinity (first at index 1) in the gradients given to apply(). Check how they were computed or"
                    + " summed.", e.getMessage());
        }
    }

    @Test
    void finiteSteps_passTheCheck() {
        Network network = Network.builder().input(3).dense(8, "tanh").dense(2, "sigmoid").seed(3).build();
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.5)).capacity(4).threads(2).build()) {
            for (int i = 0; i < 50; i++) {
                step.step(inputs(4, 3), new float[] {0, 1, 1, 0, 0, 1, 1, 0}, 4);
            }
            assertTrue(step.lastLoss() < 0.25, "trained: " + step.lastLoss());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void activationThrowingFromValue_isOnePluginFailure_namingItAndTheRootCause(int threads) {
        ScalarActivation throwing = activation("acme.throwing", x -> {
            throw new IllegalStateException("boom", new ArithmeticException("deep cause"));
        }, x -> 1);
        Network network = Network.builder().input(4).dense(64, throwing).dense(40, "sigmoid").seed(3).build();
        int rows = 64;
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.1)).capacity(rows).threads(threads)
                .build()) {
            PluginFailedException e = assertThrows(PluginFailedException.class,
                    () -> step.step(inputs(rows, 4), new float[rows * 40], rows));
            assertEquals("acme.throwing", e.pluginId());
            assertEquals("The activation 'acme.throwing' of dense_1 threw in its forward pass (value):"
                    + " ArithmeticException: deep cause. Fix the plugin, or choose another activation (the plugins"
                    + " command lists them).", e.getMessage());
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
        PluginFailedException predicting = assertThrows(PluginFailedException.class,
                () -> network.predict(new float[4]));
        assertTrue(predicting.getMessage().contains("forward pass (value)"), predicting.getMessage());
    }

    @Test
    void activationThrowingFromItsDerivative_isNamedWithTheBackwardPass() {
        ScalarActivation throwing = activation("acme.bad_derivative", x -> x, x -> {
            // On purpose: a plugin whose derivative fails (with no message), which the step must name.
            throw new UnsupportedOperationException();
        });
        Network network = Network.builder().input(2).dense(3, throwing).dense(1, "sigmoid").build();
        try (TrainingStep step = TrainingStep.builder(network, mse, sgd(0.1)).build()) {
            PluginFailedException e = assertThrows(PluginFailedException.class,
                    () -> step.step(new float[] {1, 2}, new float[] {1}, 1));
            assertEquals("The activation 'acme.bad_derivative' of dense_1 threw in its backward pass (derivative):"
                    + " UnsupportedOperationException. Fix the plugin, or choose another activation (the plugins"
                    + " command lists them).", e.getMessage());
        }
    }

    @Test
    void lossAndOptimizerThatThrow_areNamed() {
        Loss throwingLoss = new ElementwiseLoss() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.throwing_loss");
            }

            @Override
            public double value(double predicted, double target) {
                throw new IllegalArgumentException("no targets like that");
            }

            @Override
            public double derivative(double predicted, double target) {
                return 0;
            }
        };
        Optimizer throwingOptimizer = new Optimizer() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.throwing_optimizer");
            }

            @Override
            public int stateSlots() {
                return 0;
            }

            @Override
            public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
                throw new IllegalStateException("state lost");
            }
        };
        Network network = Network.builder().input(2).dense(1, "sigmoid").build();
        try (TrainingStep step = TrainingStep.builder(network, throwingLoss, sgd(0.1)).build()) {
            PluginFailedException e = assertThrows(PluginFailedException.class,
                    () -> step.step(new float[] {1, 2}, new float[] {1}, 1));
            assertEquals("The loss 'acme.throwing_loss' threw while computing the loss and its gradient:"
                    + " IllegalArgumentException: no targets like that. Fix the plugin, or choose another loss (the"
                    + " plugins command lists them).", e.getMessage());
        }
        try (TrainingStep step = TrainingStep.builder(network, mse, throwingOptimizer).build()) {
            PluginFailedException e = assertThrows(PluginFailedException.class,
                    () -> step.step(new float[] {1, 2}, new float[] {1}, 1));
            assertEquals("acme.throwing_optimizer", e.pluginId());
            assertTrue(e.getMessage().startsWith("The optimizer 'acme.throwing_optimizer' threw while updating the"
                    + " parameters: IllegalStateException: state lost."), e.getMessage());
        }
    }
}
