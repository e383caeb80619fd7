package org.thirdparty.testplugin;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * A third-party activation for the plugin-folder tests, id {@code thirdparty.soft_cube}: {@code x³/(1 + x²)}.
 * Deliberately named in no {@code META-INF/services} file on the test classpath: only a jar built by
 * {@link dev.backprop.examples.plugins.PluginJars} registers it, so discovery finds it once, and only
 * through {@code --plugins}.
 */
public final class SoftCube implements ScalarActivation {

    /** The id. */
    public static final String ID = "thirdparty.soft_cube";

    @Override
    public PluginId id() {
        return PluginId.of(ID);
    }

    @Override
    public double value(double x) {
        return x * x * x / (1 + x * x);
    }

    @Override
    public double derivative(double x, double y) {
        double q = 1 + x * x;
        return x * x * (3 + x * x) / (q * q);
    }
}
