package dev.backprop.io.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The start of every model file: the magic bytes {@value ModelFiles#MAGIC} and the format version.
 * Read first, so that a file that is no model, or one from a newer Backprop, says so before anything
 * else is read.
 */
final class HeaderSection {

    private HeaderSection() {
    }

    /** Writes the magic bytes and {@link ModelFiles#FORMAT_VERSION}. */
    static void write(ModelOutput out) throws IOException {
        out.writeBytes(ModelFiles.MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(ModelFiles.FORMAT_VERSION);
    }

    /**
     * Reads the header.
     *
     * @return the file's format version, from 1 to {@link ModelFiles#FORMAT_VERSION}
     * @throws ModelFormatException if the file is not a model, or its version is too new or impossible
     */
    static int read(ModelInput in) throws IOException {
        byte[] magic = in.readBytes(ModelFiles.MAGIC.length());
        if (!ModelFiles.MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            String found = magic.length == 0 ? "an empty file" : "bytes " + HexFormat.ofDelimiter(" ").formatHex(magic)
                    + " ('" + printable(magic) + "')";
            throw new ModelFormatException("File " + in.file() + " is not a Backprop model: expected it to start with"
                    + " the magic bytes '" + ModelFiles.MAGIC + "' but found " + found + ". Check the path: load a"
                    + " file written by ModelFiles.save.");
        }
        int version = in.readInt("the format version");
        if (version > ModelFiles.FORMAT_VERSION) {
            throw new ModelFormatException("Model file " + in.file() + " was written by format version " + version
                    + " but this Backprop reads versions up to " + ModelFiles.FORMAT_VERSION
                    + ": upgrade Backprop to a release that reads format version " + version + ".");
        }
        if (version < 1) {
            throw new ModelFormatException("Model file " + in.file() + " declares format version " + version
                    + ", but versions start at 1 and this Backprop reads 1 to " + ModelFiles.FORMAT_VERSION + ". "
                    + ModelInput.DAMAGED_ADVICE);
        }
        return version;
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return text.toString();
    }
}
