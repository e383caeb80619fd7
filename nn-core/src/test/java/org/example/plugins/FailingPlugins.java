package org.example.plugins;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Third-party activations that fail in every way a plugin can, each used by one registry test. */
public final class FailingPlugins {

    private FailingPlugins() {
    }

    /** A working base: identity, with a namespaced id from the subclass. */
    abstract static class Base implements ScalarActivation {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return 1;
        }
    }

    /** Its static initialiser throws (used by one test only: the class is then unusable for the JVM's life). */
    public static final class StaticInitBoom extends Base {
        private static final int READY = fail();

        private static int fail() {
            throw new IllegalStateException("boom");
        }

        @Override
        public PluginId id() {
            return PluginId.of("acme.static_boom" + READY);
        }
    }

    /** Its constructor throws an exception wrapping the real cause. */
    public static final class WrappedCause extends Base {
        public WrappedCause() {
            throw new UncheckedIOException("could not read the model", new IOException("disk on fire"));
        }

        @Override
        public PluginId id() {
            return PluginId.of("acme.wrapped");
        }
    }

    /** Needs a class that is not there. */
    public static final class MissingDependency extends Base {
        public MissingDependency() {
            throw new NoClassDefFoundError("org/acme/fast/NativeLib");
        }

        @Override
        public PluginId id() {
            return PluginId.of("acme.missing_dependency");
        }
    }

    /** Its id() throws. */
    public static final class IdThrows extends Base {
        @Override
        public PluginId id() {
            throw new IllegalStateException("no id today");
        }
    }

    /** Its id() returns null. */
    public static final class IdNull extends Base {
        @Override
        public PluginId id() {
            return null;
        }
    }

    /** Its hyperparameters() throws. */
    public static final class HyperparametersThrow extends Base {
        @Override
        public PluginId id() {
            return PluginId.of("acme.bad_hyperparameters");
        }

        @Override
        public Hyperparameters hyperparameters() {
            throw new UnsupportedOperationException("not yet");
        }
    }

    /** Its settings() throws. */
    public static final class SettingsThrow extends Base {
        @Override
        public PluginId id() {
            return PluginId.of("acme.bad_settings");
        }

        @Override
        public Settings settings() {
            throw new ArithmeticException("/ by zero");
        }
    }

    /** Fails when given settings, with something other than a refused setting. */
    public static final class ConfigureThrows extends Base {
        @Override
        public PluginId id() {
            return PluginId.of("acme.configure_throws");
        }

        @Override
        public dev.backprop.api.activation.Activation withHyperparameters(Hyperparameters hyperparameters) {
            throw new NullPointerException("settings map");
        }
    }

    /** Not an activation at all, though listed as one. */
    public static final class NotAnActivation {
    }
}
