package dev.backprop.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.backprop.core.network.Network;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./backprop export} end to end, in-process: the file it writes and the one line of each bad input. */
class OnnxCliTest {

    @TempDir
    Path dir;

    private Path savedModel() {
        Network network = Network.builder().input(6).dense(8, "tanh").dense(5, "relu").dense(3, "softmax").seed(7)
                .build();
        Path file = dir.resolve("small.bpnn");
        ModelFiles.save(network, file);
        return file;
    }

    @Test
    void export_writesTheModelsOnnxForm() throws IOException {
        Path model = savedModel();
        Path onnx = dir.resolve("small.onnx");
        CliRun run = CliRun.of("export", "--model", model.toString(), "--onnx", onnx.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("exported: " + onnx.toAbsolutePath() + " (ONNX opset 17, 6-8:tanh-5:relu-3:softmax, 119 parameters)",
                run.out().strip());
        byte[] written = Files.readAllBytes(onnx);
        assertArrayEquals(OnnxExport.bytes(ModelFiles.load(model)), written, "the same bytes as the library's export");
        ModelProto proto = ModelProto.parseFrom(written);
        assertEquals(17, proto.getOpsetImport(0).getVersion());
        assertEquals(3, proto.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Gemm")).count());
    }

    @Test
    void export_atAnotherOpset() throws IOException {
        Path onnx = dir.resolve("opset13.onnx");
        CliRun run = CliRun.of("export", "--model", savedModel().toString(), "--onnx", onnx.toString(), "--opset", "13");
        assertEquals(0, run.status(), run.toString());
        assertEquals(13, ModelProto.parseFrom(Files.readAllBytes(onnx)).getOpsetImport(0).getVersion());
    }

    @Test
    void export_badInput_oneLineAndThePreviousFileKept() throws IOException {
        Path model = savedModel();
        Path onnx = dir.resolve("kept.onnx");
        Files.writeString(onnx, "previous");
        assertBadInput(CliRun.of("export", "--model", dir.resolve("missing.bpnn").toString(), "--onnx", onnx.toString()),
                "does not exist");
        assertBadInput(CliRun.of("export", "--model", model.toString(), "--onnx", onnx.toString(), "--opset", "9"),
                "opset 9 is not supported");
        assertBadInput(CliRun.of("export", "--onnx", onnx.toString()), "give --model FILE");
        Path notAModel = dir.resolve("not-a-model.bpnn");
        Files.writeString(notAModel, "hello");
        assertBadInput(CliRun.of("export", "--model", notAModel.toString(), "--onnx", onnx.toString()), "model");
        assertEquals("previous", Files.readString(onnx), "a failed export leaves the previous file");
        assertBadInput(CliRun.of("export", "--model", model.toString(), "--onnx",
                dir.resolve("no-such-folder").resolve("x.onnx").toString()), "does not exist");
    }

    private static void assertBadInput(CliRun run, String expected) {
        assertEquals(2, run.status(), run.toString());
        String[] lines = run.err().strip().split("\\R");
        assertTrue(lines[0].startsWith("error: ") && lines[0].contains(expected), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        assertTrue(lines[0].length() <= 300, "one readable line: " + lines[0].length() + " characters");
    }
}
