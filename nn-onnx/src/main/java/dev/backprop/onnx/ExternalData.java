package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a tensor stored as ONNX external data ({@code data_location = EXTERNAL}): its {@code location}
 * is a file beside the model, {@code offset} and {@code length} say which bytes hold it. The location
 * must stay inside the model's folder: an absolute path, a path through {@code ..} and a symbolic link
 * that leads out are refused, and so is a range that does not lie within the file.
 */
final class ExternalData {

    /** The bytes read from the file at a time. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final Path folder;
    private final String source;

    /**
     * @param folder the model's folder, or null when the model was given as bytes (no external data then)
     * @param source the model, as messages name it
     */
    ExternalData(Path folder, String source) {
        this.folder = folder;
        this.source = source;
    }

    /** Reads {@code into.length} little-endian float32 values of {@code tensor}'s external data into {@code into}. */
    void read(ConstantTensor tensor, float[] into) {
        TensorProto proto = tensor.tensor();
        String location = null;
        String offsetText = null;
        String lengthText = null;
        for (StringStringEntryProto entry : proto.getExternalDataList()) {
            switch (entry.getKey()) {
                case "location" -> location = entry.getValue();
                case "offset" -> offsetText = entry.getValue();
                case "length" -> lengthText = entry.getValue();
                default -> {
                    // checksum and other keys do not change which bytes hold the values
                }
            }
        }
        String what = tensor.origin();
        if (folder == null) {
            throw refusal(what + " is stored as external data in '" + location + "', but the model was given as"
                    + " bytes, without its folder. Read it from its file (OnnxImport.read(path)).");
        }
        if (location == null || location.isEmpty()) {
            throw refusal(what + " is marked as external data but names no 'location' file. Export the model again.");
        }
        Path file = inside(what, location);
        long expected = (long) into.length * Float.BYTES;
        long offset = number(what, "offset", offsetText, 0);
        long length = number(what, "length", lengthText, expected);
        if (length != expected) {
            throw refusal(what + " declares " + length + " bytes of external data in '" + location + "', but its shape "
                    + tensor.shape() + " holds " + into.length + " float32 values, " + expected + " bytes. The model"
                    + " and its data file do not belong together: export them again.");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size || length > size - offset) {
                throw refusal(what + " is stored at bytes " + offset + " to " + (offset + length) + " of '" + location
                        + "', but that file holds only " + size + " bytes. The data file is truncated or belongs to"
                        + " another model: copy both files again.");
            }
            readFloats(channel, offset, into);
        } catch (IOException e) {
            throw refusal(what + " could not be read from '" + location + "' (" + e.getMessage() + "). Check that the"
                    + " data file beside the model is readable.", e);
        }
    }

    /** The data file, after checking it lies inside the model's folder (also once symbolic links are followed). */
    private Path inside(String what, String location) {
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            throw refusal(what + " names the external data file '" + location + "', which is not a valid path here ("
                    + e.getMessage() + "). Name a file beside the model.", e);
        }
        if (relative.isAbsolute() || location.startsWith("/") || location.startsWith("\\")
                || relative.getRoot() != null) {
            throw refusal(what + " names the external data file '" + location + "' by an absolute path. ONNX"
                    + " external data must lie beside the model: move the file there and name it relatively.");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw refusal(what + " names the external data file '" + location + "', which leaves the model's"
                        + " folder through '..'. External data must lie in the model's folder or below it.");
            }
        }
        Path file = folder.resolve(relative).normalize();
        try {
            Path realFolder = folder.toRealPath();
            Path realFile = file.toRealPath();
            if (!realFile.startsWith(realFolder)) {
                throw refusal(what + " names the external data file '" + location + "', which leads out of the model's"
                        + " folder (to " + realFile + ", through a symbolic link). Copy the data file into the"
                        + " model's folder.");
            }
            if (!Files.isRegularFile(realFile)) {
                throw refusal(what + " names the external data file '" + location + "', which is not a regular file.");
            }
            return realFile;
        } catch (NoSuchFileException e) {
            throw refusal(what + " is stored in the external data file '" + location + "', which is not in the"
                    + " model's folder " + folder + ". Copy the data file beside the model.", e);
        } catch (IOException e) {
            throw refusal(what + " names the external data file '" + location + "', which cannot be opened ("
                    + e.getMessage() + ").", e);
        }
    }

    private long number(String what, String key, String text, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw refusal(what + " has the external data " + key + " '" + text + "', which is not a byte count."
                    + " Export the model again.", e);
        }
    }

    private static void readFloats(FileChannel channel, long offset, float[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, (long) into.length * Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        long position = offset;
        int filled = 0;
        while (filled < into.length) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), (long) (into.length - filled) * Float.BYTES));
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("the file ended early");
                }
                position += read;
            }
            buffer.flip();
            int count = buffer.remaining() / Float.BYTES;
            buffer.asFloatBuffer().get(into, filled, count);
            filled += count;
        }
    }

    private OnnxImportException refusal(String detail) {
        return new OnnxImportException("Cannot import " + source + ": " + detail);
    }

    private OnnxImportException refusal(String detail, Exception cause) {
        return new OnnxImportException("Cannot import " + source + ": " + detail, cause);
    }
}
