package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.backprop.api.BackpropException;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads a feed-forward ONNX model as a {@link Network} whose {@link Network#predict} computes what the
 * model computes: a chain of dense layers, as PyTorch's exporters ({@code torch.onnx.export}, TorchScript
 * or dynamo), tf2onnx for Keras, and {@link OnnxExport} write them.
 *
 * <p><b>What is read.</b> One float32 input {@code [batch, n]} ({@code batch} symbolic or fixed) and one
 * output. Each dense layer is a {@code Gemm} ({@code transA = 0}, {@code transB} 0 or 1, {@code alpha} and
 * {@code beta} 1, the bias {@code C} optional) or a {@code MatMul} by a constant followed by an {@code Add}
 * of the bias (on either side); weights and biases are float32 initializers or {@code Constant} nodes,
 * also through a {@code Transpose} with {@code perm = [1, 0]}, stored inline ({@code raw_data}
 * little-endian or {@code float_data}) or as external data in a file in the model's folder. Between two
 * layers, the nodes are recognised as one of Backprop's activations by what they compute (see
 * {@link ActivationRecognizer}): the ONNX operators Relu, Sigmoid, Tanh, LeakyRelu, Elu, Selu, Softplus,
 * Softsign, HardSigmoid, Clip, Gelu, Mish, Softmax (last axis), and the forms exporters decompose
 * activations into, such as {@code x·Sigmoid(x)} (silu) or the Erf form of GELU; no node at all is
 * {@code identity}. Identity, Dropout (inference) and Flatten of a matrix pass through. When the model
 * was written by {@link OnnxExport}, the activations and settings recorded in its metadata are preferred
 * (each checked against the graph), so exporting and importing a network gives back a network whose
 * predictions are bit for bit the original's.
 *
 * <p><b>What is refused</b>, with one {@link OnnxImportException} naming the node or tensor: a file that
 * is not an ONNX model, any other operator, tensors that are not float32, graphs that are not a single
 * chain, shapes that do not fit together, external data outside the model's folder or beyond the end of
 * its file, and sizes that would not fit in arrays or in the heap (checked from the declared dims before
 * anything is allocated).
 *
 * <p>Quick use: {@code Network network = OnnxImport.read(Path.of("model.onnx"))}. With the plugins of an
 * application: {@code OnnxImport.importer().registry(registry).readFile(path)}. An importer is immutable.
 */
public final class OnnxImport {

    /** The throw-away seed of the initial weights, all of which are overwritten. */
    private static final long UNUSED_SEED = 0;

    private final PluginRegistry registry;

    private OnnxImport(PluginRegistry registry) {
        this.registry = registry;
    }

    /** An importer resolving activations through the discovered plugins ({@link PluginRegistry#discovered()}). */
    public static OnnxImport importer() {
        return new OnnxImport(null);
    }

    /**
     * Reads the model in {@code path} with the discovered plugins.
     *
     * @throws OnnxImportException if it cannot be imported (the message says why and how to fix it)
     */
    public static Network read(Path path) {
        return importer().readFile(path);
    }

    /**
     * Reads the model in {@code path}, resolving its activations through {@code registry}.
     *
     * @throws OnnxImportException if it cannot be imported (the message says why and how to fix it)
     */
    public static Network read(Path path, PluginRegistry registry) {
        return importer().registry(registry).readFile(path);
    }

    /** A copy that resolves activations through {@code pluginRegistry}. */
    public OnnxImport registry(PluginRegistry pluginRegistry) {
        return new OnnxImport(Objects.requireNonNull(pluginRegistry, "registry"));
    }

    /**
     * Reads the model in {@code path}; external data files are looked for in its folder.
     *
     * @throws OnnxImportException if it cannot be imported
     */
    public Network readFile(Path path) {
        Objects.requireNonNull(path, "path");
        Path absolute = path.toAbsolutePath();
        return build(OnnxModelReader.read(path), path.toString(), absolute.getParent());
    }

    /**
     * Reads a model from its bytes; one whose weights are external data is refused (read it from its file).
     *
     * @throws OnnxImportException if it cannot be imported
     */
    public Network readBytes(byte[] model) {
        Objects.requireNonNull(model, "model");
        return build(OnnxModelReader.parse(model, "the ONNX model"), "the ONNX model", null);
    }

    private Network build(ModelProto model, String source, Path folder) {
        GraphIndex index = new GraphIndex(model, source);
        List<DenseStep> steps = DenseChain.walk(index);
        TensorData data = new TensorData(source, new ExternalData(folder, source));
        for (DenseStep step : steps) {
            data.requireFloat32(step.weight(), "the weights of " + step.layer());
            if (step.bias() != null) {
                data.requireFloat32(step.bias(), "the bias of " + step.layer());
            }
        }
        PluginRegistry plugins = registry != null ? registry : PluginRegistry.discovered();
        NetworkSpec spec = spec(index, steps, model, new ActivationRecognizer(index,
                new ElementwiseFunction(index, data), plugins));
        Network network;
        try {
            network = Network.create(spec, plugins, UNUSED_SEED);
        } catch (BackpropException e) {
            throw index.refusal("the network it describes cannot be built: " + e.getMessage() + " Import with a"
                    + " registry that holds its activations: OnnxImport.importer().registry(registry).", e);
        }
        for (int i = 0; i < steps.size(); i++) {
            copyParameters(steps.get(i), network, i + 1, data);
        }
        network.firstNonFiniteParameter().ifPresent(found -> {
            throw index.refusal("its parameters are not all finite: " + found + " (dense_N is layer N, counted from"
                    + " the input). A model with NaN or infinite weights computes nothing: export a good copy.");
        });
        return network;
    }

    /** The architecture, after the heap check: refused before any parameter is allocated. */
    private static NetworkSpec spec(GraphIndex index, List<DenseStep> steps, ModelProto model,
                                    ActivationRecognizer recognizer) {
        List<Integer> widths = steps.stream().map(DenseStep::outputs).toList();
        List<ActivationRecognizer.Recognized> recorded = ExportMetadata.activations(model, steps.get(0).inputs(),
                widths);
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            DenseStep step = steps.get(i);
            ActivationRecognizer.Recognized activation = recognizer.recognize(step.activation(),
                    recorded.isEmpty() ? null : recorded.get(i));
            layers.add(new LayerSpec(step.outputs(), activation.id(), activation.settings(), null));
        }
        try {
            NetworkSpec spec = new NetworkSpec(steps.get(0).inputs(), layers);
            spec.requireFitsInMemory();
            return spec;
        } catch (InvalidConfigurationException e) {
            throw index.refusal("the network it declares is too large to build: " + e.getMessage(), e);
        }
    }

    private static void copyParameters(DenseStep step, Network network, int number, TensorData data) {
        Parameter weight = network.parameter(Parameter.weightName(number));
        String role = "the weights of " + step.layer();
        if (!step.weightOutByIn()) {
            data.read(step.weight(), role, weight.values());
        } else {
            float[] outByIn = new float[weight.size()];
            data.read(step.weight(), role, outByIn);
            float[] inByOut = weight.values();
            int inputs = step.inputs();
            int outputs = step.outputs();
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    inByOut[i * outputs + o] = outByIn[o * inputs + i];
                }
            }
        }
        if (step.bias() != null) {
            Parameter bias = network.parameter(Parameter.biasName(number));
            if (TensorData.count(step.bias()) == 1 && bias.size() != 1) {
                Arrays.fill(bias.values(), data.scalar(step.bias(), "the bias of " + step.layer()));
            } else {
                data.read(step.bias(), "the bias of " + step.layer(), bias.values());
            }
        }
    }
}
