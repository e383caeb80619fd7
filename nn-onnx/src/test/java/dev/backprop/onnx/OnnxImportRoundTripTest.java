package dev.backprop.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export then import gives back the same network: the same architecture, activation ids and settings,
 * and predictions equal to the original's bit for bit, with the exporter's metadata and without it.
 */
class OnnxImportRoundTripTest {

    private static final int ROWS = 300;

    @TempDir
    Path folder;

    static Stream<Arguments> activations() {
        return OnnxExportTest.activations();
    }

    /** 5-7-3 with {@code id} on both layers, random biases, 300 rows over [-6, 6]. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void everyBuiltInActivationComesBackBitForBit(String id, Hyperparameters settings) throws Exception {
        Network original = Network.builder().input(5).dense(7, id, settings).dense(3, id, settings).seed(21).build();
        randomizeBiases(original, 22);
        Path file = folder.resolve(id + ".onnx");
        OnnxExport.write(original, file);

        Network imported = OnnxImport.read(file);

        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 6.0, 23);
    }

    /** Without the metadata the graph alone is recognised: same ids and settings, same bits. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void everyBuiltInActivationIsRecognisedFromTheGraphAlone(String id, Hyperparameters settings) {
        Network original = Network.builder().input(5).dense(7, id, settings).dense(3, id, settings).seed(31).build();
        randomizeBiases(original, 32);
        byte[] bare = withoutMetadata(OnnxExport.bytes(original));

        Network imported = OnnxImport.importer().readBytes(bare);

        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 6.0, 33);
    }

    @Test
    void theMnistShapedNetworkComesBackBitForBit() throws Exception {
        Network original = Network.builder().input(784).dense(512, "relu").dense(256, "relu").dense(10, "softmax")
                .seed(5).build();
        randomizeBiases(original, 6);
        Path file = folder.resolve("mnist.onnx");
        OnnxExport.write(original, file);

        Network imported = OnnxImport.read(file);

        assertEquals(original.spec(), imported.spec());
        for (int i = 0; i < original.parameters().size(); i++) {
            assertArrayEquals(original.parameters().get(i).values(), imported.parameters().get(i).values());
        }
        assertSamePredictions(original, imported, 1.0, 7);
    }

    @Test
    void aSettingThatFloat32CannotHoldComesBackExactlyThroughTheMetadata() {
        Hyperparameters alpha = Hyperparameters.of("alpha", 0.123456789);
        Network original = Network.builder().input(4).dense(6, "leaky_relu", alpha).dense(2, "elu",
                Hyperparameters.of("alpha", 0.3333333333)).seed(3).build();
        randomizeBiases(original, 4);
        byte[] model = OnnxExport.bytes(original);

        Network imported = OnnxImport.importer().readBytes(model);
        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 6.0, 5);

        Network fromGraph = OnnxImport.importer().readBytes(withoutMetadata(model));
        assertEquals(Hyperparameters.of("alpha", 0.12345679), fromGraph.spec().layers().get(0)
                .activationHyperparameters(), "the float32 attribute, as the shortest decimal");
        float[] inputs = inputs(ROWS, 4, 6.0, 5);
        assertWithin(original.predict(inputs, ROWS), fromGraph.predict(inputs, ROWS));
    }

    @Test
    void metadataThatContradictsTheGraphIsIgnored() throws Exception {
        Network original = Network.builder().input(4).dense(6, "tanh").dense(2, "sigmoid").seed(8).build();
        ModelProto model = ModelProto.parseFrom(OnnxExport.bytes(original));
        ModelProto.Builder edited = model.toBuilder().clearMetadataProps();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            String value = entry.getKey().equals(OnnxExport.ARCHITECTURE_KEY) ? "4-6:relu-2:softmax" : entry.getValue();
            edited.addMetadataProps(entry.toBuilder().setValue(value));
        }
        Network imported = OnnxImport.importer().readBytes(edited.build().toByteArray());
        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 4.0, 9);
    }

    @Test
    void thirdPartyActivationsComeBackThroughTheMetadataAndTheRegistry() {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestActivations.Cube(), new TestActivations.Swish15(),
                new TestActivations.Abs()), List.of(), List.of());
        Network original = Network.builder().registry(registry).input(5)
                .dense(7, "acme.swish15").dense(6, "acme.abs").dense(3, "acme.cube").seed(4).build();
        randomizeBiases(original, 5);
        byte[] model = OnnxExport.exporter().registry(registry)
                .activationExporter(new TestActivations.CubeExporter()).toByteArray(original);

        Network imported = OnnxImport.importer().registry(registry).readBytes(model);
        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 3.0, 6);

        OnnxImportException withoutMetadata = assertThrows(OnnxImportException.class,
                () -> OnnxImport.importer().registry(registry).readBytes(withoutMetadata(model)));
        assertTrue(withoutMetadata.getMessage().contains("layer 1 (node 'dense_1/gemm_0' (Gemm))")
                && withoutMetadata.getMessage().contains("is none of Backprop's"), withoutMetadata.getMessage());
        OnnxImportException notInstalled = assertThrows(OnnxImportException.class,
                () -> OnnxImport.importer().readBytes(model));
        assertTrue(notInstalled.getMessage().contains("acme.swish15"), notInstalled.getMessage());
    }

    @Test
    void everyOpsetTheExporterWritesIsRead() {
        Network original = Network.builder().input(5).dense(6, "gelu").dense(4, "relu6").dense(3, "hard_tanh")
                .dense(2, "softmax").seed(2).build();
        randomizeBiases(original, 3);
        for (int opset = OnnxExport.MIN_OPSET; opset <= OnnxExport.MAX_OPSET; opset++) {
            byte[] model = withoutMetadata(OnnxExport.exporter().opset(opset).toByteArray(original));
            Network imported = OnnxImport.importer().readBytes(model);
            assertEquals(original.spec(), imported.spec(), "opset " + opset);
            assertSamePredictions(original, imported, 8.0, opset);
        }
    }

    @Test
    void bytesStreamAndFileImportAlike() throws Exception {
        Network original = Network.builder().input(3).dense(4, "selu").dense(2, "identity").seed(12).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OnnxExport.exporter().writeTo(original, out);
        Path file = Files.write(folder.resolve("m.onnx"), out.toByteArray());
        PluginRegistry registry = PluginRegistry.discovered();

        Network fromFile = OnnxImport.read(file, registry);
        Network fromBytes = OnnxImport.importer().readBytes(out.toByteArray());

        assertEquals(fromFile.spec(), fromBytes.spec());
        assertSamePredictions(fromFile, fromBytes, 3.0, 13);
        assertSamePredictions(original, fromFile, 3.0, 13);
    }

    /** Weights moved into one external data file (at offsets, as onnx.save_model writes them) read the same. */
    @Test
    void externalDataBesideTheModelIsRead() throws Exception {
        Network original = Network.builder().input(6).dense(9, "tanh").dense(4, "softmax").seed(14).build();
        randomizeBiases(original, 15);
        ModelProto model = ModelProto.parseFrom(OnnxExport.bytes(original));
        Path data = folder.resolve("model.onnx.data");
        Files.write(folder.resolve("model.onnx"), ExternalDataFiles.moveOut(model, data, "model.onnx.data", 16)
                .toByteArray());

        Network imported = OnnxImport.read(folder.resolve("model.onnx"));

        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 3.0, 16);
        assertNotEquals(0, Files.size(data));
    }

    @Test
    void layersWithoutBiasImportWithZeroBiasAndPyTorchsLayoutIsTransposed() {
        float[] outByIn = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] model = TestModels.model().input("x", 3).output("y", 2)
                .random("w1", 1, 3, 4).initializer("w2", outByIn, 2, 4)
                .node("MatMul", "mm1", TestModels.in("x", "w1"), "z1")
                .node("Relu", "r1", TestModels.in("z1"), "a1")
                .node("Gemm", "g2", TestModels.in("a1", "w2"), "y", "transB", 1L).bytes();

        Network imported = OnnxImport.importer().readBytes(model);

        assertEquals(List.of("relu", "identity"), imported.spec().layers().stream().map(l -> l.activation().value())
                .toList());
        assertArrayEquals(new float[4], imported.parameter(Parameter.biasName(1)).values());
        assertArrayEquals(new float[2], imported.parameter(Parameter.biasName(2)).values());
        assertArrayEquals(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}},
                imported.parameter(Parameter.weightName(2)).read(Parameter.Orientation.OUT_BY_IN));
    }

    /** Models before IR 4 (and keep_initializers_as_inputs=True) also list the initializers as graph inputs. */
    @Test
    void initializersListedAsInputsAreNotDataInputs() throws Exception {
        Network original = Network.builder().input(4).dense(5, "softsign").dense(2, "mish").seed(17).build();
        ModelProto model = ModelProto.parseFrom(OnnxExport.bytes(original));
        ModelProto.Builder old = model.toBuilder().setIrVersion(3);
        for (ai.onnx.proto.OnnxMl.TensorProto initializer : model.getGraph().getInitializerList()) {
            old.getGraphBuilder().addInput(TestModels.matrix(initializer.getName(),
                    ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT, "n", 1));
        }
        Network imported = OnnxImport.importer().readBytes(old.build().toByteArray());
        assertEquals(original.spec(), imported.spec());
        assertSamePredictions(original, imported, 4.0, 18);
    }

    static byte[] withoutMetadata(byte[] model) {
        try {
            return ModelProto.parseFrom(model).toBuilder().clearMetadataProps().build().toByteArray();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSamePredictions(Network expected, Network actual, double scale, long seed) {
        float[] inputs = inputs(ROWS, expected.inputWidth(), scale, seed);
        assertArrayEquals(expected.predict(inputs, ROWS), actual.predict(inputs, ROWS));
    }

    private static void assertWithin(float[] expected, float[] actual) {
        OnnxExportTest.assertWithinTolerance(expected, actual);
    }

    static float[] inputs(int rows, int width, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] inputs = new float[rows * width];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return inputs;
    }

    static void randomizeBiases(Network network, long seed) {
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
