package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.api.init.WeightInitializer;
import dev.backprop.api.loss.ElementwiseLoss;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Plugins written before settings were declared: their default withHyperparameters still behaves as it did. */
class PluginWithoutSettingsTest {

    /** An activation without settings, exactly as the README shows one. */
    static final class Cube implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.cube");
        }

        @Override
        public double value(double x) {
            return x * x * x;
        }

        @Override
        public double derivative(double x, double y) {
            return 3 * x * x;
        }
    }

    /** A plugin that reports a value but never learned to rebuild itself. */
    static final class FixedRate implements Optimizer {
        @Override
        public PluginId id() {
            return PluginId.of("acme.fixed");
        }

        @Override
        public Hyperparameters hyperparameters() {
            return Hyperparameters.of(LEARNING_RATE, 0.1).with("nesterov", true);
        }

        @Override
        public int stateSlots() {
            return 0;
        }

        @Override
        public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        }
    }

    @Test
    void noSettings_acceptsNothingButNone() {
        Activation cube = new Cube();
        assertSame(cube, cube.withHyperparameters(Hyperparameters.none()));
        assertTrue(cube.settings().list().isEmpty());
        assertFalse(cube.settings().isDeclared());
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> cube.withHyperparameters(Hyperparameters.of("alpha", 1)));
        assertEquals("Plugin 'acme.cube' has no hyperparameter 'alpha'. It accepts: none. Remove 'alpha' or check"
                + " its spelling.", e.getMessage());
    }

    @Test
    void reportedValues_acceptEqualValuesAndRefuseChanges() {
        Optimizer fixed = new FixedRate();
        assertSame(fixed, fixed.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.1)));
        assertSame(fixed, fixed.withHyperparameters(Hyperparameters.of("nesterov", 1)), "an old file's 1 is true");
        assertEquals(0.1, fixed.learningRate(), 0.0);
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> fixed.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.2)));
        assertTrue(e.getMessage().startsWith("Plugin 'acme.fixed' (" + FixedRate.class.getName() + ") declares"
                + " hyperparameters {learning_rate=0.1, nesterov=true} but does not implement withHyperparameters,"
                + " so {learning_rate=0.2} cannot be applied: override withHyperparameters"), e.getMessage());
        assertEquals("any number", fixed.settings().find(Optimizer.LEARNING_RATE).orElseThrow().allowed());
    }

    @Test
    void everyKindsDefault_behavesTheSame() {
        Loss loss = (ElementwiseLoss) new ElementwiseLoss() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.loss");
            }

            @Override
            public double value(double predicted, double target) {
                return 0;
            }

            @Override
            public double derivative(double predicted, double target) {
                return 0;
            }
        };
        WeightInitializer initializer = new WeightInitializer() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.init");
            }

            @Override
            public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
            }
        };
        assertSame(loss, loss.withHyperparameters(Hyperparameters.none()));
        assertSame(initializer, initializer.withHyperparameters(Hyperparameters.none()));
        assertThrows(InvalidHyperparameterException.class, () -> loss.withHyperparameters(Hyperparameters.of("x", 1)));
        assertThrows(InvalidHyperparameterException.class,
                () -> initializer.withHyperparameters(Hyperparameters.of("x", 1)));
    }
}
