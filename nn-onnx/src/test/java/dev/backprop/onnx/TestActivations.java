package dev.backprop.onnx;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;

/** Third-party activations for the hook tests. */
final class TestActivations {

    private TestActivations() {
    }

    /** x³/8, without any ONNX hook (unless one is passed explicitly). */
    static final class Cube implements ScalarActivation {
        static final PluginId ID = PluginId.of("acme.cube");

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public double value(double x) {
            return x * x * x / 8.0;
        }

        @Override
        public double derivative(double x, double y) {
            return 3.0 * x * x / 8.0;
        }
    }

    /** Exports {@link Cube}, passed to {@link OnnxExport#activationExporter}. */
    static class CubeExporter implements OnnxActivationExporter {
        @Override
        public PluginId activationId() {
            return Cube.ID;
        }

        @Override
        public String export(Activation activation, String input, OnnxGraph graph) {
            String cube = graph.node("Mul", input, graph.node("Mul", input, input));
            return graph.node("Mul", cube, graph.scalar(0.125f));
        }
    }

    /** x·σ(1.5x), exporting itself (the activation class implements the hook). */
    static final class Swish15 implements ScalarActivation, OnnxActivationExporter {
        static final PluginId ID = PluginId.of("acme.swish15");

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public PluginId activationId() {
            return ID;
        }

        @Override
        public double value(double x) {
            return x / (1.0 + Math.exp(-1.5 * x));
        }

        @Override
        public double derivative(double x, double y) {
            double s = 1.0 / (1.0 + Math.exp(-1.5 * x));
            return s + 1.5 * x * s * (1 - s);
        }

        @Override
        public String export(Activation activation, String input, OnnxGraph graph) {
            return graph.node("Mul", input, graph.node("Sigmoid", graph.node("Mul", input, graph.scalar(1.5f))));
        }
    }

    /** |x|, exported by {@link AbsExporter}, a service listed in META-INF/services. */
    static final class Abs implements ScalarActivation {
        static final PluginId ID = PluginId.of("acme.abs");

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public double value(double x) {
            return Math.abs(x);
        }

        @Override
        public double derivative(double x, double y) {
            return Math.signum(x);
        }
    }

    /** The ServiceLoader-found exporter of {@link Abs}. */
    public static final class AbsExporter implements OnnxActivationExporter {
        public AbsExporter() {
            // ServiceLoader
        }

        @Override
        public PluginId activationId() {
            return Abs.ID;
        }

        @Override
        public String export(Activation activation, String input, OnnxGraph graph) {
            return graph.node("Abs", input);
        }
    }
}
