package org.thirdparty.testplugin;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * Activations that fail on purpose, for the tests of a command line that survives its plugins. Like
 * {@link SoftCube}, named in no services file on the test classpath: only jars built by
 * {@link dev.backprop.examples.plugins.PluginJars} register them.
 */
public final class HostilePlugins {

    /** The message every one of them fails with. */
    public static final String BROKEN = "broken on purpose";

    private HostilePlugins() {
    }

    /** Shared behaviour: the identity. */
    abstract static class Identity implements ScalarActivation {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    }

    /** Its {@code id()} throws. */
    public static final class ThrowingId extends Identity {
        @Override
        public PluginId id() {
            throw new IllegalStateException(BROKEN);
        }
    }

    /** Its {@code id()} returns null. */
    public static final class NullId extends Identity {
        @Override
        public PluginId id() {
            return null;
        }
    }

    /** Its {@code hyperparameters()} throws. */
    public static final class ThrowingHyperparameters extends Identity {
        /** The id. */
        public static final String ID = "thirdparty.throwing_hyperparameters";

        @Override
        public PluginId id() {
            return PluginId.of(ID);
        }

        @Override
        public Hyperparameters hyperparameters() {
            throw new IllegalStateException(BROKEN);
        }
    }

    /** Its {@code value()} throws: it loads and lists fine, and fails in training. */
    public static final class ThrowingValue extends Identity {
        /** The id. */
        public static final String ID = "thirdparty.throwing_value";

        @Override
        public PluginId id() {
            return PluginId.of(ID);
        }

        @Override
        public double value(double x) {
            throw new IllegalStateException(BROKEN);
        }
    }

    /** Its {@code value()} throws an {@link OutOfMemoryError}, as a layer too wide for the heap would. */
    public static final class OutOfMemoryValue extends Identity {
        /** The id. */
        public static final String ID = "thirdparty.out_of_memory_value";

        @Override
        public PluginId id() {
            return PluginId.of(ID);
        }

        @Override
        public double value(double x) {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }
    }

    /**
     * Its static initialiser throws. A class whose initialisation failed stays unusable for the JVM's life
     * (later uses get a bare NoClassDefFoundError), so exactly one test loads it.
     */
    public static final class FailingInit extends Identity {
        static final int VALUE = fail();

        @Override
        public PluginId id() {
            return PluginId.of("thirdparty.failing_init");
        }

        private static int fail() {
            throw new IllegalStateException(BROKEN);
        }
    }
}
