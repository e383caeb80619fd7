package dev.backprop.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtSession;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exported model runs in ONNX Runtime and agrees with {@link Network#predict}: each element within
 * {@code |onnx − predict| <= 1e-5 + 1e-5·|predict|} (absolute plus relative tolerance, float32 throughout).
 */
class OnnxExportTest {

    static final double ABSOLUTE = 1e-5;
    static final double RELATIVE = 1e-5;
    private static final Map<String, Double> MAX_ERRORS = new TreeMap<>();

    @TempDir
    Path folder;

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("relu", Hyperparameters.none()),
                Arguments.of("sigmoid", Hyperparameters.none()),
                Arguments.of("tanh", Hyperparameters.none()),
                Arguments.of("leaky_relu", Hyperparameters.of("alpha", 0.2)),
                Arguments.of("elu", Hyperparameters.none()),
                Arguments.of("elu", Hyperparameters.of("alpha", 0.7)),
                Arguments.of("selu", Hyperparameters.none()),
                Arguments.of("gelu", Hyperparameters.none()),
                Arguments.of("gelu", Hyperparameters.of("approximate", "tanh")),
                Arguments.of("silu", Hyperparameters.none()),
                Arguments.of("softplus", Hyperparameters.none()),
                Arguments.of("softsign", Hyperparameters.none()),
                Arguments.of("mish", Hyperparameters.none()),
                Arguments.of("hard_sigmoid", Hyperparameters.none()),
                Arguments.of("hard_tanh", Hyperparameters.none()),
                Arguments.of("relu6", Hyperparameters.none()),
                Arguments.of("identity", Hyperparameters.none()),
                Arguments.of("softmax", Hyperparameters.none()));
    }

    /** 5-7-3 with {@code id} on both layers (random biases too), 300 rows spread over [-4, 4]. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void everyBuiltInActivationRunsInOnnxRuntimeAsPredicted(String id, Hyperparameters settings) throws Exception {
        Network network = Network.builder().input(5).dense(7, id, settings).dense(3, id, settings).seed(11).build();
        randomizeBiases(network, 12);
        Path file = folder.resolve(id + ".onnx");
        OnnxExport.write(network, file);

        double error = compare(network, Files.readAllBytes(file), 300, 4.0, 13);
        MAX_ERRORS.put(id + (settings.isEmpty() ? "" : " " + settings), error);
    }

    @Test
    void theMnistShapedNetworkRunsAsPredicted() throws Exception {
        Network network = Network.builder().input(784).dense(512, "relu").dense(256, "relu").dense(10, "softmax")
                .seed(3).build();
        randomizeBiases(network, 4);
        double error = compare(network, OnnxExport.bytes(network), 200, 1.0, 5);
        MAX_ERRORS.put("mnist 784-512-256-10 relu/softmax", error);
    }

    @Test
    void theModelCarriesItsMetadataAndASymbolicBatch() throws Exception {
        Network network = Network.builder().input(5).dense(7, "tanh").dense(3, "sigmoid").seed(1).build();
        byte[] bytes = OnnxExport.bytes(network);

        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(bytes);
        assertEquals("backprop", model.getProducerName());
        assertFalse(model.getProducerVersion().isBlank());
        assertFalse(model.getProducerVersion().contains("${"), model.getProducerVersion());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals(8, model.getIrVersion());
        OnnxMl.GraphProto graph = model.getGraph();
        assertEquals("input", graph.getInput(0).getName());
        assertEquals("output", graph.getOutput(0).getName());
        for (OnnxMl.ValueInfoProto info : List.of(graph.getInput(0), graph.getOutput(0))) {
            OnnxMl.TensorShapeProto shape = info.getType().getTensorType().getShape();
            assertEquals("batch", shape.getDim(0).getDimParam());
            assertFalse(shape.getDim(0).hasDimValue());
        }
        assertEquals(5, graph.getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(3, graph.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue());
        OnnxMl.TensorProto weight = graph.getInitializerList().stream()
                .filter(t -> t.getName().equals("dense_1.weight")).findFirst().orElseThrow();
        assertEquals(List.of(5L, 7L), weight.getDimsList());
        assertEquals(5 * 7 * 4, weight.getRawData().size());
        assertEquals(List.of("Gemm", "Tanh", "Gemm", "Sigmoid"),
                graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList());

        try (OrtSession session = OrtRunner.session(bytes)) {
            OnnxModelMetadata metadata = session.getMetadata();
            assertEquals("backprop", metadata.getProducerName());
            assertEquals(OnnxExport.parametersSha256(network),
                    metadata.getCustomMetadata().get(OnnxExport.PARAMETERS_SHA256_KEY));
            assertEquals(64, OnnxExport.parametersSha256(network).length());
            assertEquals("5-7:tanh-3:sigmoid", metadata.getCustomMetadata().get(OnnxExport.ARCHITECTURE_KEY));
            for (int rows : new int[] {1, 37}) {
                float[] inputs = inputs(rows, 5, 2.0, rows);
                assertWithin(network.predict(inputs, rows), OrtRunner.run(session, inputs, rows, 5));
            }
        }
    }

    @Test
    void settingsAndConstantsReachTheAttributes() throws Exception {
        assertEquals(dev.backprop.activations.Selu.LAMBDA, BuiltInActivations.SELU_LAMBDA);
        assertEquals(dev.backprop.activations.Selu.ALPHA, BuiltInActivations.SELU_ALPHA);
        Network network = Network.builder().input(2).dense(3, "leaky_relu", Hyperparameters.of("alpha", 0.2))
                .dense(2, "elu", Hyperparameters.of("alpha", 0.7)).seed(1).build();
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(OnnxExport.bytes(network)).getGraph();
        assertEquals(0.2f, graph.getNode(1).getAttribute(0).getF());
        assertEquals("LeakyRelu", graph.getNode(1).getOpType());
        assertEquals(0.7f, graph.getNode(3).getAttribute(0).getF());
        assertEquals("Elu", graph.getNode(3).getOpType());
        assertEquals("output", graph.getNode(3).getOutput(0));
        assertEquals(List.of("input", "dense_1.weight", "dense_1.bias"), graph.getNode(0).getInputList());
        OnnxMl.AttributeProto transB = graph.getNode(0).getAttributeList().stream()
                .filter(a -> a.getName().equals("transB")).findFirst().orElseThrow();
        assertEquals(0, transB.getI());
    }

    @Test
    void theHashChangesWithTheWeights() {
        Network network = Network.builder().input(3).dense(2, "relu").seed(1).build();
        String before = OnnxExport.parametersSha256(network);
        network.parameter("dense_1.bias").values()[0] += 1e-3f;
        assertFalse(before.equals(OnnxExport.parametersSha256(network)));
    }

    @Test
    void streamBytesAndFileAreTheSameModel() throws Exception {
        Network network = Network.builder().input(4).dense(3, "relu").dense(2, "identity").seed(9).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OnnxExport.exporter().writeTo(network, out);
        Path file = folder.resolve("m.onnx");
        OnnxExport.write(network, file);
        assertArrayEquals(OnnxExport.bytes(network), out.toByteArray());
        assertArrayEquals(out.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void anotherOpsetIsDeclaredAndRuns() throws Exception {
        Network network = Network.builder().input(5).dense(6, "gelu").dense(3, "relu6").seed(2).build();
        for (int opset : new int[] {13, 18, 21}) {
            byte[] bytes = OnnxExport.exporter().opset(opset).toByteArray(network);
            assertEquals(opset, OnnxMl.ModelProto.parseFrom(bytes).getOpsetImport(0).getVersion());
            compare(network, bytes, 50, 4.0, opset);
        }
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.exporter().opset(12));
        assertTrue(e.getMessage().contains("13"), e.getMessage());
    }

    @Test
    void aThirdPartyActivationWithoutHookFailsClearlyAndWritesNothing() throws Exception {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestActivations.Cube()), List.of(), List.of());
        Network network = Network.builder().input(5).dense(7, new TestActivations.Cube())
                .dense(3, new TestActivations.Cube()).seed(1).build();
        Path file = folder.resolve("cube.onnx");
        Files.writeString(file, "previous");

        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.exporter().registry(registry).writeFile(network, file));
        assertTrue(e.getMessage().contains("'acme.cube'"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 1 (dense_1"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.backprop.onnx.OnnxActivationExporter"), e.getMessage());
        assertEquals("previous", Files.readString(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aThirdPartyActivationUnknownToTheRegistryNamesTheFix() {
        Network network = Network.builder().input(2).dense(2, new TestActivations.Cube()).seed(1).build();
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.bytes(network));
        assertTrue(e.getMessage().contains("'acme.cube'") && e.getMessage().contains("registry("), e.getMessage());
    }

    @Test
    void thirdPartyActivationsExportThroughEachKindOfHook() throws Exception {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestActivations.Cube(), new TestActivations.Swish15(),
                new TestActivations.Abs()), List.of(), List.of());
        Network network = Network.builder().registry(registry).input(5)
                .dense(7, "acme.swish15").dense(6, "acme.abs").dense(3, "acme.cube").seed(4).build();
        randomizeBiases(network, 5);
        byte[] bytes = OnnxExport.exporter().registry(registry)
                .activationExporter(new TestActivations.CubeExporter()).toByteArray(network);
        MAX_ERRORS.put("third-party (self, service, explicit hooks)", compare(network, bytes, 200, 2.0, 6));
    }

    @Test
    void aFailingHookIsReportedWithThePlugin() {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestActivations.Cube()), List.of(), List.of());
        Network network = Network.builder().registry(registry).input(2).dense(2, "acme.cube").seed(1).build();
        OnnxActivationExporter broken = new TestActivations.CubeExporter() {
            @Override
            public String export(dev.backprop.api.activation.Activation activation, String input, OnnxGraph graph) {
                return graph.node("Mul", input, "nowhere");
            }
        };
        OnnxExportException e = assertThrows(OnnxExportException.class,
                () -> OnnxExport.exporter().registry(registry).activationExporter(broken).toByteArray(network));
        assertTrue(e.getMessage().contains("'acme.cube'") && e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void aNetworkWithANaNWeight_isRefusedBeforeAnythingIsWritten() {
        Network network = Network.builder().input(3).dense(2, "relu").seed(1).build();
        network.parameter("dense_1.bias").values()[1] = Float.NaN;
        Path target = folder.resolve("diverged.onnx");

        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.write(network, target));

        assertEquals("Cannot export the network: dense_1.bias holds NaN (at index 1), so the model would compute"
                + " nothing. Train it again (the run diverged) or load a good copy, then export.", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void anUnwritablePathFailsAndLeavesNoFile() throws Exception {
        Network network = Network.builder().input(3).dense(2, "relu").seed(1).build();
        Path missingFolder = folder.resolve("no/such/folder/model.onnx");
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.write(network, missingFolder));
        assertTrue(e.getMessage().contains("model.onnx"), e.getMessage());
        assertFalse(Files.exists(missingFolder));

        Path directory = Files.createDirectory(folder.resolve("taken.onnx"));
        Files.writeString(directory.resolve("keep"), "x");
        assertThrows(OnnxExportException.class, () -> OnnxExport.write(network, directory));
        assertTrue(Files.isDirectory(directory));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(directory), files.toList(), "no temporary file is left");
        }
    }

    @AfterAll
    static void report() {
        StringBuilder text = new StringBuilder("Max |onnx - predict| per case:\n");
        MAX_ERRORS.forEach((name, error) -> text.append(String.format("  %-45s %.3e%n", name, error)));
        System.out.print(text);
    }

    /** Runs {@code rows} random rows through both; asserts the tolerance; returns the largest absolute difference. */
    private static double compare(Network network, byte[] model, int rows, double scale, long seed) throws Exception {
        float[] inputs = inputs(rows, network.inputWidth(), scale, seed);
        float[] expected = network.predict(inputs, rows);
        float[] actual = OrtRunner.run(model, inputs, rows, network.inputWidth());
        return assertWithin(expected, actual);
    }

    /** {@link #assertWithin} for the import tests. */
    static double assertWithinTolerance(float[] expected, float[] actual) {
        return assertWithin(expected, actual);
    }

    private static double assertWithin(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) expected[i] - actual[i]);
            max = Math.max(max, difference);
            if (!(difference <= ABSOLUTE + RELATIVE * Math.abs(expected[i]))) {
                throw new AssertionError("Element " + i + ": predict " + expected[i] + ", ONNX Runtime " + actual[i]);
            }
        }
        return max;
    }

    private static float[] inputs(int rows, int width, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] inputs = new float[rows * width];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return inputs;
    }

    private static void randomizeBiases(Network network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter parameter : network.parameters()) {
            if (parameter.name().endsWith(".bias")) {
                float[] values = parameter.values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextDouble() - 0.5);
                }
            }
        }
    }
}
