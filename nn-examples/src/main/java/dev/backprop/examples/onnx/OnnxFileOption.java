package dev.backprop.examples.onnx;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --onnx FILE}: the ONNX model that {@code export} writes and {@code import} reads. */
public final class OnnxFileOption {

    @Option(names = "--onnx", paramLabel = "FILE", required = true,
            description = "The ONNX model (.onnx): export writes it, import reads it (with its external data file,"
                    + " such as model.onnx.data, beside it).")
    Path file;

    /** The file given. */
    public Path file() {
        return file;
    }
}
