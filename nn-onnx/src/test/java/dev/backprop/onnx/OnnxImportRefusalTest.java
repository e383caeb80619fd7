package dev.backprop.onnx;

import static dev.backprop.onnx.TestModels.chain;
import static dev.backprop.onnx.TestModels.in;
import static dev.backprop.onnx.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.backprop.core.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model the importer cannot read is refused with one message naming the culprit, what was expected and the fix. */
class OnnxImportRefusalTest {

    @TempDir
    Path folder;

    @Test
    void theChainUsedBelowImports() {
        Network network = OnnxImport.importer().readBytes(chain().bytes());
        assertEquals("relu,sigmoid", OnnxImportFixturesTest.describe(network));
    }

    // ---- not an ONNX model ----

    @Test
    void aTruncatedFileIsNotAnOnnxModel() throws Exception {
        byte[] model = OnnxExport.bytes(Network.builder().input(8).dense(6, "relu").dense(2, "softmax").build());
        Path file = Files.write(folder.resolve("cut.onnx"), Arrays.copyOf(model, model.length / 2));
        String message = refusal(file);
        assertTrue(message.startsWith("Cannot import " + file + ": not an ONNX model ("
                + model.length / 2 + " bytes; protobuf cannot parse it"), message);
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void randomBytesAreNotAnOnnxModel() throws Exception {
        byte[] noise = new byte[4096];
        new SplittableRandom(7).nextBytes(noise);
        String message = refusal(Files.write(folder.resolve("noise.onnx"), noise));
        assertTrue(message.contains("not an ONNX model ("), message);
    }

    @Test
    void anEmptyFileOrAnotherMessageIsNotAnOnnxModel() throws Exception {
        assertTrue(refusal(Files.write(folder.resolve("empty.onnx"), new byte[0]))
                .contains("not an ONNX model (0 bytes; it parses as protobuf but has no graph"));
        byte[] tensor = TestModels.floats("t", new float[] {1, 2}, 2).toByteArray();   // valid protobuf, no model
        assertTrue(refusal(Files.write(folder.resolve("tensor.onnx"), tensor)).contains("not an ONNX model"));
    }

    @Test
    void aMissingFileOrAFolderIsNamed() {
        assertTrue(refusal(folder.resolve("absent.onnx")).contains("there is no such file"));
        assertTrue(refusal(folder).contains("it is a folder"));
    }

    // ---- operators ----

    @Test
    void anUnsupportedOperatorIsNamedWithWhatIsSupported() {
        ModelProto model = model().input("x", 4).output("y", 2).random("k", 1, 2, 1, 3, 3)
                .node("Conv", "/features/0/Conv", in("x", "k"), "c")
                .node("Relu", "relu", in("c"), "y").build();
        String message = refusal(model);
        assertTrue(message.startsWith("Cannot import the ONNX model: node '/features/0/Conv' (Conv) is not supported."
                + " Backprop imports Gemm or MatMul + Add layers"), message);
        assertTrue(message.contains("LeakyRelu") && message.contains("Softmax") && message.contains("MatMul"),
                message);
    }

    @Test
    void anOperatorOfAnotherDomainIsRefused() {
        ModelProto.Builder model = chain().build().toBuilder();
        model.getGraphBuilder().getNodeBuilder(1).setDomain("com.microsoft").setOpType("FastGelu");
        assertTrue(refusal(model.build()).contains("node 'relu1' (FastGelu) of domain 'com.microsoft' is not supported."));
    }

    @Test
    void aSoftmaxInsideAnotherActivationOrOverTheBatchIsRefused() {
        String inside = refusal(model().input("x", 4).output("y", 3).random("w", 1, 4, 3).constant("two", 2f)
                .node("Gemm", "g", in("x", "w"), "z")
                .node("Softmax", "sm", in("z"), "s", "axis", -1L)
                .node("Mul", "twice", in("s", "two"), "y").build());
        assertTrue(inside.contains("node 'sm' (Softmax), after layer 1 (node 'g' (Gemm)), cannot be part of an"
                + " activation: a Softmax normalises each row"), inside);
        String batch = refusal(model().input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "z").node("Softmax", "sm", in("z"), "y", "axis", 0L).build());
        assertTrue(batch.contains("node 'sm' (Softmax), after layer 1 (node 'g' (Gemm)), normalises over axis 0"),
                batch);
    }

    @Test
    void activationsWithOtherConstantsThanBackpropsAreRefusedWithTheReason() {
        String selu = refusal(single("Selu", "alpha", 2f));
        assertTrue(selu.contains("computed by Selu 'act'") && selu.contains("fixed alpha = 1.6732632")
                && selu.contains("this node has alpha = 2.0"), selu);
        String hardSigmoid = refusal(single("HardSigmoid", "alpha", 0.2f));
        assertTrue(hardSigmoid.contains("alpha = 1/6") && hardSigmoid.contains("this node has alpha = 0.2, beta = 0.5"),
                hardSigmoid);
        String leaky = refusal(single("LeakyRelu", "alpha", 1.5f));
        assertTrue(leaky.contains("leaky_relu {alpha=1.5}: "), leaky);
        String clip = refusal(model().input("x", 4).output("y", 3).random("w", 1, 4, 3).constant("lo", -2f)
                .constant("hi", 2f).node("Gemm", "g", in("x", "w"), "z").node("Clip", "act", in("z", "lo", "hi"), "y")
                .build());
        assertTrue(clip.contains("this one clips to [-2.00000, 2.00000]"), clip);
        String gemm = refusal(model().input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "y", "alpha", 2f).build());
        assertTrue(gemm.contains("layer 1 (node 'g' (Gemm)) has transA=0, transB=0, alpha=2.0, beta=1.0; Backprop's"
                + " dense layer computes x·W + b"), gemm);
    }

    @Test
    void dropoutInTrainingModeAndFlatteningAcrossTheBatchAreRefused() {
        TestModels training = model().input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "z");
        training.graph().addInitializer(TensorProto.newBuilder().setName("on").setDataType(
                TensorProto.DataType.BOOL.getNumber()).setRawData(ByteString.copyFrom(new byte[] {1})));
        training.graph().addInitializer(TestModels.floats("ratio", new float[] {0.5f}));
        training.node("Dropout", "drop", in("z", "ratio", "on"), "y");
        assertTrue(refusal(training.build()).contains("node 'drop' (Dropout) takes training_mode from 'on', which is"
                + " not the constant false"));
        String flatten = refusal(model().input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Flatten", "f", in("x"), "flat", "axis", 0L).node("Gemm", "g", in("flat", "w"), "y").build());
        assertTrue(flatten.contains("node 'f' (Flatten) flattens from axis 0"), flatten);
    }

    @Test
    void theOpsetMustBeKnown() {
        assertTrue(refusal(chain().opset(6).build()).contains("declares opset 6 of the default ONNX domain; Backprop"
                + " reads opsets 7 to 28"));
        assertTrue(refusal(chain().opset(40).build()).contains("declares opset 40"));
    }

    // ---- types ----

    @Test
    void anInt64WeightIsRefused() {
        TestModels model = model().input("x", 2).output("y", 2);
        model.graph().addInitializer(TensorProto.newBuilder().setName("w").setDataType(
                TensorProto.DataType.INT64.getNumber()).addDims(2).addDims(2).addAllInt64Data(
                java.util.List.of(1L, 2L, 3L, 4L)));
        String message = refusal(model.node("MatMul", "mm", in("x", "w"), "y").build());
        assertTrue(message.contains("initializer 'w', the weights of layer 1 (node 'mm' (MatMul)), holds INT64 values;"
                + " Backprop imports float32 models only"), message);
    }

    @Test
    void aDoubleInputOrAnImageInputIsRefused() {
        ModelProto.Builder doubles = chain().build().toBuilder();
        doubles.getGraphBuilder().setInput(0, TestModels.matrix("x", TensorProto.DataType.DOUBLE, "batch", 4));
        assertTrue(refusal(doubles.build()).contains("the graph input 'x' holds DOUBLE values; Backprop imports"
                + " float32 models only"));
        ModelProto.Builder images = chain().build().toBuilder();
        images.getGraphBuilder().setInput(0, TestModels.matrix("x", TensorProto.DataType.FLOAT, "batch", 1, 2, 2));
        assertTrue(refusal(images.build()).contains("the graph input 'x' has 4 dimensions"));
    }

    // ---- not a chain ----

    @Test
    void aBranchingGraphIsRefused() {
        ModelProto twoReaders = model().input("x", 4).output("y", 3).random("w1", 1, 4, 3).random("w2", 2, 4, 3)
                .node("Gemm", "g1", in("x", "w1"), "a").node("Gemm", "g2", in("x", "w2"), "b")
                .node("Add", "sum", in("a", "b"), "y").build();
        assertTrue(refusal(twoReaders).contains("tensor 'x' feeds 2 nodes (node 'g1' (Gemm), node 'g2' (Gemm)), so"
                + " the graph branches"));

        ModelProto skip = model().input("x", 4).output("y", 3).random("w1", 1, 4, 3).random("w2", 2, 3, 3)
                .node("Gemm", "g1", in("x", "w1"), "z1").node("Tanh", "t1", in("z1"), "a1")
                .node("Gemm", "g2", in("a1", "w2"), "z2").node("Add", "skip", in("z2", "a1"), "y").build();
        assertTrue(refusal(skip).contains("after layer 1 (node 'g1' (Gemm)) the graph splits: [a1, y] each continue"));

        ModelProto ghost = chain().node("Mul", "ghostly", in("a1", "ghost"), "g").build();
        ModelProto.Builder rewired = ghost.toBuilder();
        rewired.getGraphBuilder().getNodeBuilder(2).setInput(0, "g");
        String message = refusal(rewired.build());
        assertTrue(message.contains("node 'ghostly' (Mul), after layer 1 (node 'gemm1' (Gemm)), reads 'ghost', which no"
                + " node writes"), message);
    }

    @Test
    void severalInputsOrOutputsAreRefused() {
        ModelProto.Builder inputs = chain().build().toBuilder();
        inputs.getGraphBuilder().addInput(TestModels.matrix("mask", TensorProto.DataType.FLOAT, "batch", 4));
        assertTrue(refusal(inputs.build()).contains("the graph has 2 data inputs ['x', 'mask']"));
        ModelProto.Builder outputs = chain().build().toBuilder();
        outputs.getGraphBuilder().addOutput(TestModels.matrix("a1", TensorProto.DataType.FLOAT, "batch", 3));
        assertTrue(refusal(outputs.build()).contains("the graph has 2 outputs ['y', 'a1']"));
    }

    @Test
    void aNodeWhoseResultNothingReadsIsRefused() {
        ModelProto dangling = chain().node("Tanh", "unused", in("a1"), "t").build();
        String message = refusal(dangling);
        assertTrue(message.contains("node 'unused' (Tanh), after layer 1 (node 'gemm1' (Gemm)), writes 't', which no"
                + " node reads"), message);
        ModelProto noLayer = model().input("x", 4).output("y", 4).node("Relu", "r", in("x"), "y").build();
        assertTrue(refusal(noLayer).contains("node 'r' (Relu) reads the input where Backprop expects the first dense"
                + " layer"));
    }

    // ---- shapes ----

    @Test
    void aBiasOfTheWrongLengthIsRefused() {
        ModelProto gemm = replaceInitializer(chain().build(), TestModels.floats("b1", new float[4], 4));
        assertTrue(refusal(gemm).contains("layer 1 (node 'gemm1' (Gemm)) has 3 outputs but its bias initializer 'b1'"
                + " has shape [4]; a bias holds one value per output, shape [3] or [1, 3]"));
        ModelProto add = model().input("x", 4).output("y", 3).random("w", 1, 4, 3).random("b", 2, 5)
                .node("MatMul", "mm", in("x", "w"), "z").node("Add", "bias", in("b", "z"), "y").build();
        assertTrue(refusal(add).contains("layer 1 (node 'mm' (MatMul)) has 3 outputs but its bias initializer 'b' has"
                + " shape [5]"));
    }

    @Test
    void weightsThatDoNotFitThePreviousWidthAreRefused() {
        ModelProto model = replaceInitializer(chain().build(), TestModels.floats("w2", new float[8], 4, 2));
        assertTrue(refusal(model).contains("layer 2 (node 'gemm2' (Gemm)) has weights initializer 'w2' of shape"
                + " [in, out] = [4, 2] as the node reads them, so it takes 4 inputs, but the layer before it has 3"
                + " outputs"));
        ModelProto.Builder input = chain().build().toBuilder();
        input.getGraphBuilder().setInput(0, TestModels.matrix("x", TensorProto.DataType.FLOAT, "batch", 5));
        assertTrue(refusal(input.build()).contains("so it takes 4 inputs, but the graph input has 5 features"));
    }

    @Test
    void storedBytesThatDoNotMatchTheShapeAreRefused() {
        ModelProto model = replaceInitializer(chain().build(), TestModels.floats("w1", new float[11], 4, 3));
        assertTrue(refusal(model).contains("initializer 'w1', the weights of layer 1 (node 'gemm1' (Gemm)), has shape"
                + " [4, 3] (12 float32 values, 48 bytes) but stores 44 bytes"));
    }

    @Test
    void declaredSizesBeyondAnArrayOrTheHeapAreRefusedBeforeAllocating() {
        ModelProto wide = model().input("x", 50_000).output("y", 50_000)
                .initializer(shapeOnly("w", 50_000, 50_000)).node("MatMul", "mm", in("x", "w"), "y").build();
        String array = refusal(wide);
        assertTrue(array.contains("too large to build: Layer 1 (dense 50000×50000) needs 2500000000 weights in one"
                + " array"), array);

        TestModels deep = model().input("x", 46_000).output("y", 46_000);
        String previous = "x";
        for (int i = 1; i <= 4; i++) {
            deep.initializer(shapeOnly("w" + i, 46_000, 46_000)).node("MatMul", "mm" + i, in(previous, "w" + i),
                    i == 4 ? "y" : "h" + i);
            previous = "h" + i;
        }
        String heap = refusal(deep.build());
        assertTrue(heap.contains("too large to build: This network needs about") && heap.contains("-Xmx"), heap);
    }

    // ---- external data ----

    @Test
    void externalDataOutsideTheModelsFolderIsRefused() throws Exception {
        Path modelFolder = Files.createDirectory(folder.resolve("model"));
        Files.write(folder.resolve("weights.bin"), new byte[48]);
        assertTrue(refusalWithExternal(modelFolder, "../weights.bin", 0, 48).contains("initializer 'w1' names the"
                + " external data file '../weights.bin', which leaves the model's folder through '..'"));
        String absolute = folder.resolve("weights.bin").toAbsolutePath().toString();
        assertTrue(refusalWithExternal(modelFolder, absolute, 0, 48).contains("initializer 'w1' names the external"
                + " data file '" + absolute + "' by an absolute path"));
        Path link = modelFolder.resolve("link.bin");
        try {
            Files.createSymbolicLink(link, folder.resolve("weights.bin"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here: " + e);
        }
        assertTrue(refusalWithExternal(modelFolder, "link.bin", 0, 48).contains("initializer 'w1' names the external"
                + " data file 'link.bin', which leads out of the model's folder"));
    }

    @Test
    void externalDataBeyondTheEndOfItsFileIsRefused() throws Exception {
        Path modelFolder = Files.createDirectory(folder.resolve("model"));
        Files.write(modelFolder.resolve("short.bin"), new byte[40]);
        String message = refusalWithExternal(modelFolder, "short.bin", 0, 48);
        assertTrue(message.contains("initializer 'w1' is stored at bytes 0 to 48 of 'short.bin', but that file holds"
                + " only 40 bytes"), message);
        assertTrue(refusalWithExternal(modelFolder, "short.bin", Long.MAX_VALUE - 10, 48).contains("holds only 40"));
        assertTrue(refusalWithExternal(modelFolder, "absent.bin", 0, 48).contains("stored in the external data file"
                + " 'absent.bin', which is not in the model's folder"));
        assertTrue(refusalWithExternal(modelFolder, "short.bin", 0, 40).contains("declares 40 bytes of external data"
                + " in 'short.bin', but its shape [4, 3] holds 12 float32 values, 48 bytes"));
    }

    @Test
    void externalDataNeedsTheModelsFolder() {
        ModelProto model = replaceInitializer(chain().build(), ExternalDataFiles.external(
                chain().build().getGraph().getInitializer(0), "w.bin", 0, 48));
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxImport.importer().readBytes(model.toByteArray()));
        assertTrue(e.getMessage().contains("is stored as external data in 'w.bin', but the model was given as bytes"),
                e.getMessage());
    }

    // ---- helpers ----

    /** One Gemm 4→3 followed by {@code op} with one float attribute. */
    private static ModelProto single(String op, String attribute, float value) {
        return model().input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "z").node(op, "act", in("z"), "y", attribute, value).build();
    }

    private String refusalWithExternal(Path modelFolder, String location, long offset, long length) throws Exception {
        ModelProto model = replaceInitializer(chain().build(), ExternalDataFiles.external(
                chain().build().getGraph().getInitializer(0), location, offset, length));
        Path file = Files.write(modelFolder.resolve("m.onnx"), model.toByteArray());
        return refusal(file);
    }

    private static TensorProto shapeOnly(String name, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    private static ModelProto replaceInitializer(ModelProto model, TensorProto replacement) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(replacement.getName())) {
                graph.setInitializer(i, replacement);
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }

    private static String refusal(ModelProto model) {
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxImport.importer().readBytes(model.toByteArray()));
        return e.getMessage();
    }

    private static String refusal(Path file) {
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImport.read(file));
        return e.getMessage();
    }
}
