package org.example.plugins;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/** Third-party activations used to exercise the registry's rules; they live outside dev.backprop on purpose. */
public final class ThirdPartyActivations {

    private ThirdPartyActivations() {
    }

    /** A well-behaved namespaced plugin: x·σ(x). */
    public static final class Swish implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.swish");
        }

        @Override
        public double value(double x) {
            return x / (1 + Math.exp(-x));
        }

        @Override
        public double derivative(double x, double y) {
            double s = 1 / (1 + Math.exp(-x));
            return s + y * (1 - s);
        }
    }

    /** Claims the same id as {@link Swish}. */
    public static final class OtherSwish implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.swish");
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    }

    /** Illegally claims the bare id {@code relu}, reserved for built-ins. */
    public static final class BareRelu implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("relu");
        }

        @Override
        public double value(double x) {
            return Math.max(0, x);
        }

        @Override
        public double derivative(double x, double y) {
            return x > 0 ? 1 : 0;
        }
    }

    /** Fails in its constructor, as a plugin with a broken dependency would. */
    public static final class Broken implements ScalarActivation {
        public Broken() {
            throw new IllegalStateException("native library acme-fast missing");
        }

        @Override
        public PluginId id() {
            return PluginId.of("acme.broken");
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    }
}
