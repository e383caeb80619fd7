package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Set;

/** Tiny activations declared here so that these tests need no activation module. */
final class TestActivations {

    private TestActivations() {
    }

    /** A registry with {@link Tanh} and {@link Leaky}. */
    static PluginRegistry both() {
        return registry(new Tanh(), new Leaky());
    }

    /** A registry of exactly {@code activations}, no losses or optimizers. */
    static PluginRegistry registry(Activation... activations) {
        return PluginRegistry.of(List.of(activations), List.of(), List.of());
    }

    /** Hyperbolic tangent, id {@code test.tanh}. */
    static final class Tanh implements ScalarActivation {

        static final PluginId ID = PluginId.of("test.tanh");

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            return 1 - y * y;
        }
    }

    /** Leaky ReLU with a slope {@code alpha} in [0, 1] for negative inputs, id {@code test.leaky}. */
    static final class Leaky implements ScalarActivation {

        static final PluginId ID = PluginId.of("test.leaky");
        static final String ALPHA = "alpha";

        private final double alpha;

        /** The default slope, 0.01. */
        Leaky() {
            this(0.01);
        }

        Leaky(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public Hyperparameters hyperparameters() {
            return Hyperparameters.of(ALPHA, alpha);
        }

        @Override
        public PluginId defaultInitializer() {
            return HE_NORMAL;
        }

        @Override
        public Activation withHyperparameters(Hyperparameters requested) {
            requested.requireKnownNames(ID, Set.of(ALPHA));
            double requestedAlpha = hyperparameters().withAll(requested).get(ALPHA, alpha);
            if (requestedAlpha < 0 || requestedAlpha > 1) {
                throw new InvalidHyperparameterException("Hyperparameter 'alpha' must lie in [0.0, 1.0] but was "
                        + requestedAlpha + ".");
            }
            return new Leaky(requestedAlpha);
        }

        @Override
        public double value(double x) {
            return x >= 0 ? x : alpha * x;
        }

        @Override
        public double derivative(double x, double y) {
            return x >= 0 ? 1 : alpha;
        }
    }
}
