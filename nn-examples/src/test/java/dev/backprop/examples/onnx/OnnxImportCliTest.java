package dev.backprop.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.backprop.core.network.Network;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./backprop import} end to end, in-process: export then import is the same network; bad files are one line. */
class OnnxImportCliTest {

    @TempDir
    Path dir;

    private Network network() {
        return Network.builder().input(6).dense(8, "tanh").dense(5, "leaky_relu").dense(3, "softmax").seed(11).build();
    }

    private Path exported(Network network) {
        Path model = dir.resolve("original.bpnn");
        ModelFiles.save(network, model);
        Path onnx = dir.resolve("original.onnx");
        CliRun run = CliRun.of("export", "--model", model.toString(), "--onnx", onnx.toString());
        assertEquals(0, run.status(), run.toString());
        return onnx;
    }

    @Test
    void exportThenImport_predictsBitForBitTheSame() {
        Network original = network();
        Path onnx = exported(original);
        Path imported = dir.resolve("imported.bpnn");
        CliRun run = CliRun.of("import", "--onnx", onnx.toString(), "--model", imported.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().startsWith("imported: ") && run.out().contains("6-8:tanh-5:leaky_relu-3:softmax, 119 parameters"),
                run.out());
        Network back = ModelFiles.load(imported);
        Random random = new Random(5);
        float[] inputs = new float[300 * 6];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian() * 2;
        }
        assertArrayEquals(original.predict(inputs, 300), back.predict(inputs, 300));
    }

    @Test
    void badFiles_oneLineExitTwoAndNothingWritten() throws IOException {
        Path onnx = exported(network());
        byte[] whole = Files.readAllBytes(onnx);
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path text = dir.resolve("text.onnx");
        Files.writeString(text, "this is not an ONNX model\n");

        ModelProto proto = ModelProto.parseFrom(whole);
        ModelProto.Builder conv = proto.toBuilder();
        NodeProto first = conv.getGraph().getNode(0);
        conv.getGraphBuilder().setNode(0, first.toBuilder().setOpType("Conv"));
        Path unsupported = dir.resolve("conv.onnx");
        Files.write(unsupported, conv.build().toByteArray());

        ModelProto.Builder mismatch = proto.toBuilder();
        int bias = indexOf(mismatch, "dense_2.bias");
        TensorProto shorter = mismatch.getGraph().getInitializer(bias).toBuilder().setDims(0, 4)
                .setRawData(mismatch.getGraph().getInitializer(bias).getRawData().substring(0, 16)).build();
        mismatch.getGraphBuilder().setInitializer(bias, shorter);
        Path shapes = dir.resolve("shapes.onnx");
        Files.write(shapes, mismatch.build().toByteArray());

        Path out = dir.resolve("never.bpnn");
        for (Path bad : new Path[] {truncated, text, unsupported, shapes, dir.resolve("missing.onnx")}) {
            CliRun run = CliRun.of("import", "--onnx", bad.toString(), "--model", out.toString());
            assertEquals(2, run.status(), bad + ": " + run);
            String[] lines = run.err().strip().split("\\R");
            assertTrue(lines[0].startsWith("error: "), run.toString());
            String withoutPaths = lines[0].replace(dir.toString(), "<dir>");
            assertTrue(withoutPaths.length() <= 300, "one readable line: " + withoutPaths.length() + ": " + lines[0]);
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
            assertFalse(Files.exists(out), "nothing written for " + bad);
        }
        CliRun conv2 = CliRun.of("import", "--onnx", unsupported.toString(), "--model", out.toString());
        assertTrue(conv2.err().contains("Conv") && conv2.err().contains("Gemm"), "names the operator and what is supported: "
                + conv2.err());
    }

    private static int indexOf(ModelProto.Builder model, String name) {
        for (int i = 0; i < model.getGraph().getInitializerCount(); i++) {
            if (model.getGraph().getInitializer(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no initializer " + name);
    }
}
