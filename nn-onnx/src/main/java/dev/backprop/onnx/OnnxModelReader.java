package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.backprop.core.network.SizeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an ONNX model file into its protobuf message, refusing with one message a missing file, a file
 * protobuf cannot parse (truncated, random bytes, another format) and a message that parses but is no
 * ONNX model (no graph, no IR version or no opset).
 */
final class OnnxModelReader {

    /** Protobuf reads messages of at most 2 GiB; larger ONNX models keep their weights as external data. */
    static final long MAX_MODEL_BYTES = Integer.MAX_VALUE;

    private OnnxModelReader() {
    }

    /** The model in {@code path}. */
    static ModelProto read(Path path) {
        long size;
        try {
            if (Files.isDirectory(path)) {
                throw new OnnxImportException("Cannot import " + path + ": it is a folder, not an ONNX model file."
                        + " Give the path of the .onnx file itself.");
            }
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new OnnxImportException("Cannot import " + path + ": there is no such file. Check the path (it is"
                    + " resolved against " + Path.of("").toAbsolutePath() + ").", e);
        } catch (IOException e) {
            throw new OnnxImportException("Cannot import " + path + ": it cannot be read (" + e.getMessage()
                    + "). Check that the file exists and is readable.", e);
        }
        if (size > MAX_MODEL_BYTES) {
            throw new OnnxImportException("Cannot import " + path + ": the file holds " + size + " bytes, more than"
                    + " the " + MAX_MODEL_BYTES + " a protobuf message may hold. Save the model with its weights as"
                    + " external data (onnx.save_model(model, path, save_as_external_data=True)).");
        }
        if (size > SizeLimits.heapBytes() / 2) {
            throw new OnnxImportException("Cannot import " + path + ": the file holds " + String.format(Locale.ROOT,
                    "%.1f", size / (1024.0 * 1024 * 1024)) + " GB, more than half of the heap this JVM may use."
                    + " Run with a larger heap (-Xmx, e.g. BACKPROP_JAVA_OPTS=-Xmx" + (size * 3 / (1L << 30) + 1)
                    + "g).");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new OnnxImportException("Cannot import " + path + ": it cannot be read (" + e.getMessage()
                    + "). Check that the file is readable.", e);
        }
        return parse(bytes, path.toString());
    }

    /** The model in {@code bytes}; {@code source} names them in messages. */
    static ModelProto parse(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw notOnnx(source, bytes.length, "protobuf cannot parse it: " + firstSentence(e.getMessage()), e);
        }
        if (!model.hasGraph() || model.getIrVersion() <= 0 || model.getOpsetImportCount() == 0) {
            String missing = !model.hasGraph() ? "graph" : model.getIrVersion() <= 0 ? "IR version" : "opset import";
            throw notOnnx(source, bytes.length, "it parses as protobuf but has no " + missing
                    + ", which every ONNX model has", null);
        }
        return model;
    }

    /** Protobuf's reason without its preamble and its paragraph of guesses: "the input ended unexpectedly in ...". */
    static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String text = message.strip().replaceFirst("^While parsing a protocol message, ", "");
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceFirst("\\.$", "") : text.substring(0, end);
    }

    private static OnnxImportException notOnnx(String source, int length, String why, Exception cause) {
        return new OnnxImportException("Cannot import " + source + ": not an ONNX model (" + length + " bytes; " + why
                + "). It may be truncated, or another format (ONNX text, ORT, PyTorch .pt): export it again with"
                + " torch.onnx.export or tf2onnx.", cause);
    }
}
