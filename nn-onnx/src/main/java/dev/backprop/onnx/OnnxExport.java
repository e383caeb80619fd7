package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.backprop.api.BackpropException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.files.AtomicFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Writes a {@link Network} as an ONNX model: each dense layer a {@code Gemm} (its weights and biases as
 * float32 initializers {@code dense_N.weight} of shape {@code [in, out]} with {@code transB = 0}, and
 * {@code dense_N.bias} of shape {@code [out]}), each activation its ONNX operator or a few of them.
 *
 * <p>The graph reads {@code input}, float32 {@code [batch, inputs]}, and writes {@code output}, float32
 * {@code [batch, outputs]}; {@code batch} is a symbolic dimension, so any number of rows may be run. The
 * model declares opset {@value #DEFAULT_OPSET} of the default domain unless {@link #opset(int)} says
 * otherwise, producer {@value #PRODUCER_NAME} with this library's version, and in its metadata
 * {@value #PARAMETERS_SHA256_KEY}: the SHA-256 of the parameters, in {@link Network#parameters()} order,
 * each as its row-major float32 values in little-endian bytes (lower-case hex); {@value #ARCHITECTURE_KEY}; and
 * for each layer whose activation has settings, {@code backprop.dense_N.activation_settings} with them exactly
 * (the attributes are float32), so that {@link OnnxImport} gives back the same network.
 *
 * <p>Quick use: {@code OnnxExport.write(network, Path.of("model.onnx"))}. Configured:
 * {@code OnnxExport.exporter().registry(registry).activationExporter(new SwishExporter()).writeFile(network, path)}.
 * An exporter is immutable; the configuring methods return copies.
 */
public final class OnnxExport {

    /** The opset of the default ONNX domain written unless another is chosen. */
    public static final int DEFAULT_OPSET = 17;
    /** The lowest opset supported (Softmax on the last axis only, Clip's bounds as inputs). */
    public static final int MIN_OPSET = 13;
    /** The highest opset supported. */
    public static final int MAX_OPSET = 21;
    /** The graph's input. */
    public static final String INPUT_NAME = "input";
    /** The graph's output. */
    public static final String OUTPUT_NAME = "output";
    /** The name of the symbolic batch dimension of input and output. */
    public static final String BATCH_DIMENSION = "batch";
    /** The model's producer_name. */
    public static final String PRODUCER_NAME = "backprop";
    /** The metadata key of the parameters' SHA-256 (see the class comment for what is hashed). */
    public static final String PARAMETERS_SHA256_KEY = "backprop.parameters.sha256";
    /** The metadata key of the architecture: {@code 5-7:relu-3:softmax} (inputs, then width:activation per layer). */
    public static final String ARCHITECTURE_KEY = "backprop.architecture";

    private final PluginRegistry registry;
    private final int opset;
    private final Map<PluginId, OnnxActivationExporter> exporters;

    private OnnxExport(PluginRegistry registry, int opset, Map<PluginId, OnnxActivationExporter> exporters) {
        this.registry = registry;
        this.opset = opset;
        this.exporters = Map.copyOf(exporters);
    }

    /** An exporter with the discovered plugins ({@link PluginRegistry#discovered()}), opset {@value #DEFAULT_OPSET}. */
    public static OnnxExport exporter() {
        return new OnnxExport(null, DEFAULT_OPSET, Map.of());
    }

    /** Writes {@code network} to {@code path} with the default exporter ({@link #exporter()}). */
    public static void write(Network network, Path path) {
        exporter().writeFile(network, path);
    }

    /** The ONNX model of {@code network} from the default exporter, as bytes. */
    public static byte[] bytes(Network network) {
        return exporter().toByteArray(network);
    }

    /** A copy that resolves the layers' activations (ids and settings from the spec) through {@code pluginRegistry}. */
    public OnnxExport registry(PluginRegistry pluginRegistry) {
        return new OnnxExport(Objects.requireNonNull(pluginRegistry, "registry"), opset, exporters);
    }

    /**
     * A copy that declares {@code version} of the default ONNX domain.
     *
     * @throws OnnxExportException if it lies outside [{@value #MIN_OPSET}, {@value #MAX_OPSET}]
     */
    public OnnxExport opset(int version) {
        if (version < MIN_OPSET || version > MAX_OPSET) {
            throw new OnnxExportException("ONNX opset " + version + " is not supported: choose one from " + MIN_OPSET
                    + " to " + MAX_OPSET + " (the default is " + DEFAULT_OPSET + ").");
        }
        return new OnnxExport(registry, version, exporters);
    }

    /** A copy that writes activation {@code exporter.activationId()} with {@code exporter} (before any other hook). */
    public OnnxExport activationExporter(OnnxActivationExporter exporter) {
        Objects.requireNonNull(exporter, "exporter");
        PluginId id = Objects.requireNonNull(exporter.activationId(), "exporter.activationId()");
        Map<PluginId, OnnxActivationExporter> copy = new HashMap<>(exporters);
        copy.put(id, exporter);
        return new OnnxExport(registry, opset, copy);
    }

    /**
     * Writes the model of {@code network} to {@code path}, atomically: on any failure the file is
     * unchanged (or absent) and no temporary file is left.
     *
     * @throws OnnxExportException if a layer cannot be exported or the file cannot be written
     */
    public void writeFile(Network network, Path path) {
        Objects.requireNonNull(path, "path");
        ModelProto model = model(network);
        try {
            AtomicFileWriter.write(path, model::writeTo);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new OnnxExportException("Could not write the ONNX model "
                    + (reason.contains(path.toAbsolutePath().toString()) ? "" : "to " + path.toAbsolutePath() + ": ")
                    + reason + (reason.endsWith(".") ? "" : ".") + " Nothing was written.", e);
        }
    }

    /** Writes the model of {@code network} to {@code out} (not closed). */
    public void writeTo(Network network, OutputStream out) {
        ModelProto model = model(network);
        try {
            model.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ONNX model: " + e.getMessage(), e);
        }
    }

    /** The model of {@code network} as bytes. */
    public byte[] toByteArray(Network network) {
        return model(network).toByteArray();
    }

    /** Builds the model. */
    ModelProto model(Network network) {
        Objects.requireNonNull(network, "network");
        requireFinite(network);
        NetworkSpec spec = network.spec();
        PluginRegistry plugins = registry != null ? registry : PluginRegistry.discovered();
        GraphProto.Builder graphProto = GraphProto.newBuilder().setName("backprop_mlp");
        ProtoGraph graph = new ProtoGraph(graphProto, opset);
        graphProto.addInput(matrix(INPUT_NAME, spec.inputWidth()));

        String current = INPUT_NAME;
        StringBuilder architecture = new StringBuilder().append(spec.inputWidth());
        List<StringStringEntryProto> settings = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            int number = i + 1;
            LayerSpec layer = spec.layers().get(i);
            architecture.append('-').append(layer.width()).append(':').append(layer.activation().value());
            graph.prefix("dense_" + number);
            Parameter weight = network.parameter(Parameter.weightName(number));
            Parameter bias = network.parameter(Parameter.biasName(number));
            float[][] inByOut = weight.read(Parameter.Orientation.IN_BY_OUT);
            float[] flat = new float[weight.rows() * weight.columns()];
            for (int r = 0; r < inByOut.length; r++) {
                System.arraycopy(inByOut[r], 0, flat, r * weight.columns(), weight.columns());
            }
            String w = graph.initializer(weight.name(), flat, weight.rows(), weight.columns());
            String b = graph.initializer(bias.name(), bias.values().clone(), bias.columns());
            String z = graph.node("Gemm", List.of(current, w, b),
                    Map.of("alpha", 1f, "beta", 1f, "transA", 0L, "transB", 0L));
            current = activation(plugins, layer, number, z, graph);
            if (!layer.activationHyperparameters().isEmpty()) {
                settings.add(entry(ExportMetadata.settingsKey(number),
                        ActivationSettingsText.encode(layer.activationHyperparameters())));
            }
        }
        if (!graph.renameNodeOutput(current, OUTPUT_NAME)) {
            graph.prefix("output");
            graph.renameNodeOutput(graph.node("Identity", current), OUTPUT_NAME);
        }
        graphProto.addOutput(matrix(OUTPUT_NAME, spec.outputWidth()));

        return ModelProto.newBuilder()
                .setIrVersion(irVersion(opset))
                .setProducerName(PRODUCER_NAME)
                .setProducerVersion(version())
                .setDomain("dev.backprop")
                .setModelVersion(1)
                .setDocString("A multi-layer perceptron exported by Backprop.")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .addMetadataProps(entry(PARAMETERS_SHA256_KEY, parametersSha256(network)))
                .addMetadataProps(entry(ARCHITECTURE_KEY, architecture.toString()))
                .addAllMetadataProps(settings)
                .setGraph(graphProto)
                .build();
    }

    /** A NaN or an infinity would export a model that computes nothing: refused before anything is built. */
    private static void requireFinite(Network network) {
        network.firstNonFiniteParameter().ifPresent(found -> {
            throw new OnnxExportException("Cannot export the network: " + found + ", so the model would compute"
                    + " nothing. Train it again (the run diverged) or load a good copy, then export.");
        });
    }

    /**
     * The SHA-256 of {@code network}'s parameters, as written under {@value #PARAMETERS_SHA256_KEY}: every
     * parameter in {@link Network#parameters()} order, its values row-major as little-endian float32.
     */
    public static String parametersSha256(Network network) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Parameter parameter : network.parameters()) {
                ByteBuffer bytes = ByteBuffer.allocate(parameter.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(parameter.values());
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private String activation(PluginRegistry plugins, LayerSpec layer, int number, String z, ProtoGraph graph) {
        PluginId id = layer.activation();
        String where = "layer " + number + " (dense_" + number + ", " + layer.width() + " neurons)";
        Activation activation;
        try {
            activation = plugins.activation(id, layer.activationHyperparameters());
        } catch (BackpropException e) {
            throw new OnnxExportException("Cannot export " + where + " to ONNX: its activation '" + id.value()
                    + "' could not be resolved (" + e.getMessage() + "). Pass the registry that knows it with"
                    + " OnnxExport.exporter().registry(registry).", e);
        }
        if (BuiltInActivations.handles(id.value())) {
            return BuiltInActivations.export(activation, z, graph);
        }
        OnnxActivationExporter hook = hook(id, activation);
        if (hook == null) {
            throw new OnnxExportException("Cannot export " + where + " to ONNX: its activation '" + id.value()
                    + "' is a third-party plugin without an ONNX exporter. Implement "
                    + OnnxActivationExporter.class.getName() + " (in " + activation.getClass().getName()
                    + " itself, or as a service listed in META-INF/services/" + OnnxActivationExporter.class.getName()
                    + " whose activationId() is '" + id.value() + "'), or pass one with"
                    + " OnnxExport.exporter().activationExporter(...).");
        }
        String result;
        try {
            result = hook.export(activation, z, graph);
        } catch (RuntimeException e) {
            throw new OnnxExportException("Cannot export " + where + " to ONNX: the ONNX exporter "
                    + hook.getClass().getName() + " of activation '" + id.value() + "' failed: " + e.getMessage()
                    + ". Fix that " + OnnxActivationExporter.class.getSimpleName() + ".", e);
        }
        if (result == null || !graph.knows(result)) {
            throw new OnnxExportException("Cannot export " + where + " to ONNX: the ONNX exporter "
                    + hook.getClass().getName() + " of activation '" + id.value() + "' returned '" + result
                    + "', not a tensor of the graph. Return a name that OnnxGraph gave it (or its input).");
        }
        return result;
    }

    private OnnxActivationExporter hook(PluginId id, Activation activation) {
        OnnxActivationExporter explicit = exporters.get(id);
        if (explicit != null) {
            return explicit;
        }
        if (activation instanceof OnnxActivationExporter self) {
            return self;
        }
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (activation.getClass().getClassLoader() != null) {
            loaders.add(activation.getClass().getClassLoader());
        }
        loaders.add(OnnxExport.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            for (OnnxActivationExporter candidate : ServiceLoader.load(OnnxActivationExporter.class, loader)) {
                if (id.equals(candidate.activationId())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static ValueInfoProto matrix(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_DIMENSION))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** The IR version that goes with {@code opset} (ONNX 1.8: 13 with IR 7; 1.10–1.12: up to 17 with IR 8; ...). */
    static long irVersion(int opset) {
        if (opset <= 14) {
            return 7;
        }
        if (opset <= 17) {
            return 8;
        }
        if (opset <= 20) {
            return 9;
        }
        return 10;
    }

    /** This library's version, from the filtered version.properties. */
    static String version() {
        try (InputStream in = OnnxExport.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
