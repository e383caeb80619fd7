package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.WeightPenalty;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Reads the bytes of a model file, as laid out in {@link ModelFiles}, into a {@link SavedModel}.
 *
 * <p>The order of checks is what makes the messages useful: the magic bytes first (is this a model
 * at all?), then the version (can this Backprop read it?), then the structure while reading (does
 * the file end early?), then the checksum (was any byte changed?), and only then the meaning of the
 * values (ids, widths, settings), so that a corrupted byte is reported as corruption rather than as a
 * strange id. One decoder reads one file; not thread-safe.
 */
final class ModelDecoder {

    private static final int CHUNK_BYTES = 8192;
    /** The largest array the JVM reliably allocates, as in {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final String TRUNCATED_ADVICE = "The file is truncated or corrupted, perhaps by an interrupted"
            + " copy, download or save: copy the complete file again, or save the model again.";

    private final Path file;
    private final long fileSize;
    private final CountingInputStream counter;
    private final CRC32 crc = new CRC32();
    private final DataInputStream data;
    private String reading = "the header";
    private int version;

    private ModelDecoder(InputStream in, Path file, long fileSize) {
        this.file = file;
        this.fileSize = fileSize;
        this.counter = new CountingInputStream(in);
        this.data = new DataInputStream(new CheckedInputStream(counter, crc));
    }

    /**
     * Reads and verifies a whole model file.
     *
     * @param in       the file's bytes from the start; not closed here
     * @param file     the file, for messages
     * @param fileSize the file's length in bytes, used to reject impossible sizes before allocating
     * @throws ModelFormatException if the file is not a model, too new, truncated, corrupted or invalid
     * @throws IOException          if reading fails for a reason other than the file's content
     */
    static SavedModel decode(InputStream in, Path file, long fileSize) throws IOException {
        return new ModelDecoder(in, file, fileSize).decode();
    }

    private SavedModel decode() throws IOException {
        try {
            readHeader();
            int inputWidth = readInt("the input width");
            List<RawLayer> layers = readLayers();
            List<Parameter> parameters = readParameters();
            RawTraining training = version >= 2 ? readTraining() : null;
            RunSection.RawSettings settings = training != null && version >= 3 ? RunSection.readSettings(this) : null;
            RunSection.RawCheckpoint checkpoint = version >= 3 && readBoolean("the training-state flag")
                    ? RunSection.readCheckpoint(this, parameters) : null;
            verifyChecksum();
            java.util.Optional<SavedTraining> savedTraining = toTraining(training);
            return new SavedModel(toSpec(inputWidth, layers), parameters, savedTraining,
                    toConfig(settings, savedTraining), toCheckpoint(checkpoint));
        } catch (EOFException e) {
            throw new ModelFormatException("Model file " + file + " ends early at byte " + counter.position()
                    + " (of " + fileSize + ") while reading " + reading + ": expected more data. " + TRUNCATED_ADVICE, e);
        } catch (UTFDataFormatException e) {
            throw new ModelFormatException("Model file " + file + " is corrupted: " + reading + " before byte "
                    + counter.position() + " is not valid text (" + e.getMessage() + "). " + TRUNCATED_ADVICE, e);
        }
    }

    private void readHeader() throws IOException {
        byte[] magic = data.readNBytes(ModelFiles.MAGIC.length());
        if (!ModelFiles.MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            String found = magic.length == 0 ? "an empty file" : "bytes " + HexFormat.ofDelimiter(" ").formatHex(magic)
                    + " ('" + printable(magic) + "')";
            throw new ModelFormatException("File " + file + " is not a Backprop model: expected it to start with the"
                    + " magic bytes '" + ModelFiles.MAGIC + "' but found " + found + ". Check the path: load a file"
                    + " written by ModelFiles.save.");
        }
        version = readInt("the format version");
        if (version > ModelFiles.FORMAT_VERSION) {
            throw new ModelFormatException("Model file " + file + " was written by format version " + version
                    + " but this Backprop reads versions up to " + ModelFiles.FORMAT_VERSION
                    + ": upgrade Backprop to a release that reads format version " + version + ".");
        }
        if (version < 1) {
            throw new ModelFormatException("Model file " + file + " declares format version " + version
                    + ", but versions start at 1 and this Backprop reads 1 to " + ModelFiles.FORMAT_VERSION + ". "
                    + TRUNCATED_ADVICE);
        }
    }

    private List<RawLayer> readLayers() throws IOException {
        int count = readCount("the layer count");
        List<RawLayer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String layer = "layer " + (i + 1);
            int width = readInt("the width of " + layer);
            String activation = readUtf("the activation id of " + layer);
            Map<String, Double> hyperparameters = readSettings("hyperparameter", layer);
            String initializer = readUtf("the initialiser id of " + layer);
            Map<String, Double> initializerSettings = Map.of();
            double l1 = 0;
            double l2 = 0;
            double dropout = 0;
            if (version >= 2) {
                initializerSettings = readSettings("initialiser hyperparameter", layer);
                l1 = readDouble("the L1 penalty of " + layer);
                l2 = readDouble("the L2 penalty of " + layer);
                dropout = readDouble("the dropout rate of " + layer);
            }
            layers.add(new RawLayer(width, activation, hyperparameters, initializer, initializerSettings, l1, l2,
                    dropout));
        }
        return layers;
    }

    /** The optional training section (version 2 on): a flag, then loss and optimizer ids with settings. */
    private RawTraining readTraining() throws IOException {
        reading = "the training-section flag";
        if (!data.readBoolean()) {
            return null;
        }
        String loss = readUtf("the loss id");
        Map<String, Double> lossSettings = readSettings("loss hyperparameter", "the training section");
        String optimizer = readUtf("the optimizer id");
        Map<String, Double> optimizerSettings = readSettings("optimizer hyperparameter", "the training section");
        return new RawTraining(loss, lossSettings, optimizer, optimizerSettings);
    }

    private java.util.Optional<SavedTraining> toTraining(RawTraining raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new SavedTraining(PluginId.of(raw.loss()), Hyperparameters.of(raw.lossSettings()),
                    PluginId.of(raw.optimizer()), Hyperparameters.of(raw.optimizerSettings())));
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + file + " passes its checksum but its training section is"
                    + " not valid: " + e.getMessage() + " Save the model again.", e);
        }
    }

    private java.util.Optional<dev.backprop.core.train.TrainingConfig> toConfig(RunSection.RawSettings settings,
                                                                              java.util.Optional<SavedTraining> training) {
        if (settings == null || training.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(settings.toConfig(training.get()));
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + file + " passes its checksum but its training configuration"
                    + " is not valid: " + e.getMessage() + " Save the model again.", e);
        }
    }

    private java.util.Optional<dev.backprop.core.train.TrainingCheckpoint> toCheckpoint(
            RunSection.RawCheckpoint checkpoint) {
        if (checkpoint == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(checkpoint.toCheckpoint());
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + file + " passes its checksum but its training state is not"
                    + " valid: " + e.getMessage() + " Save the checkpoint again.", e);
        }
    }

    /** A count, then that many (name, value) pairs. */
    private Map<String, Double> readSettings(String kind, String layer) throws IOException {
        int settings = readCount("the " + kind + " count of " + layer);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < settings; k++) {
            String name = readUtf(kind + " " + (k + 1) + " of " + layer);
            values.put(name, readDouble("the value of " + kind + " '" + name + "' of " + layer));
        }
        return values;
    }

    private List<Parameter> readParameters() throws IOException {
        int count = readCount("the parameter count");
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = readUtf("the name of parameter " + (i + 1));
            int rows = readCount("the row count of parameter '" + name + "'");
            int columns = readCount("the column count of parameter '" + name + "'");
            long size = (long) rows * columns;
            if (size > MAX_VALUES) {
                throw new ModelFormatException("Model file " + file + " is corrupted: parameter '" + name + "' claims "
                        + rows + " × " + columns + " = " + size + " values, more than a Java array holds ("
                        + MAX_VALUES + "). " + TRUNCATED_ADVICE);
            }
            long bytes = size * Float.BYTES;
            long remaining = fileSize - counter.position();
            if (bytes + Long.BYTES > remaining) {
                throw new ModelFormatException("Model file " + file + " ends early at byte " + fileSize + ": parameter '"
                        + name + "' (" + rows + " × " + columns + ") needs " + bytes + " bytes from byte "
                        + counter.position() + ", and the 8-byte checksum must follow, but only " + Math.max(remaining, 0)
                        + " bytes remain. " + TRUNCATED_ADVICE);
            }
            float[] values = new float[(int) size];
            readFloats(values, "the values of parameter '" + name + "'");
            parameters.add(new Parameter(name, rows, columns, values));
        }
        return parameters;
    }

    private void verifyChecksum() throws IOException {
        long computed = crc.getValue();
        long stored = readLong("the checksum");
        if (stored != computed) {
            throw new ModelFormatException("Model file " + file + " is corrupted: its stored checksum is "
                    + hex(stored) + " but its content gives " + hex(computed)
                    + ", so some bytes changed after it was saved (a disk or transfer error, or an edit)."
                    + " Restore the file from a good copy, or save the model again.");
        }
        if (data.read() >= 0) {
            throw new ModelFormatException("Model file " + file + " has " + (fileSize - counter.position() + 1)
                    + " unexpected bytes after its checksum at byte " + (counter.position() - 1)
                    + ": expected the file to end there. It may have been appended to or joined with another file;"
                    + " restore it from a good copy, or save the model again.");
        }
    }

    /** The architecture, validated now that the checksum vouches for the bytes. */
    private NetworkSpec toSpec(int inputWidth, List<RawLayer> rawLayers) {
        String describing = "its architecture";
        try {
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < rawLayers.size(); i++) {
                RawLayer raw = rawLayers.get(i);
                describing = "layer " + (i + 1);
                Hyperparameters hyperparameters = Hyperparameters.of(raw.hyperparameters());
                PluginId initializer = raw.initializer().isEmpty() ? null : PluginId.of(raw.initializer());
                layers.add(new LayerSpec(raw.width(), PluginId.of(raw.activation()), hyperparameters, initializer,
                        Hyperparameters.of(raw.initializerSettings()), new WeightPenalty(raw.l1(), raw.l2()),
                        raw.dropout()));
            }
            describing = "its architecture";
            return new NetworkSpec(inputWidth, layers);
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + file + " passes its checksum but " + describing
                    + " is not valid: " + e.getMessage() + " It was not written by this Backprop's ModelFiles.save;"
                    + " save the model again.", e);
        }
    }

    int readInt(String what) throws IOException {
        reading = what;
        return data.readInt();
    }

    /** A count or size, which cannot be negative. */
    int readCount(String what) throws IOException {
        int value = readInt(what);
        if (value < 0) {
            throw new ModelFormatException("Model file " + file + " is corrupted: " + what + " before byte "
                    + counter.position() + " is " + value + ", but it cannot be negative. " + TRUNCATED_ADVICE);
        }
        return value;
    }

    long readLong(String what) throws IOException {
        reading = what;
        return data.readLong();
    }

    double readDouble(String what) throws IOException {
        reading = what;
        return data.readDouble();
    }

    String readUtf(String what) throws IOException {
        reading = what;
        return data.readUTF();
    }

    void readFloats(float[] values, String what) throws IOException {
        reading = what;
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int next = 0;
        while (next < values.length) {
            int count = Math.min(values.length - next, CHUNK_BYTES / Float.BYTES);
            data.readFully(chunk, 0, count * Float.BYTES);
            buffer.clear();
            for (int i = 0; i < count; i++) {
                values[next++] = buffer.getFloat();
            }
        }
    }

    boolean readBoolean(String what) throws IOException {
        reading = what;
        return data.readBoolean();
    }

    /** The error for a structurally impossible value at the current position. */
    ModelFormatException corrupted(String problem) {
        return new ModelFormatException("Model file " + file + " is corrupted: " + problem + " (before byte "
                + counter.position() + "). " + TRUNCATED_ADVICE);
    }

    /** Fails before allocating when fewer than {@code bytes} (plus the 8-byte checksum) remain. */
    void requireRemaining(long bytes, String what) {
        long remaining = fileSize - counter.position();
        if (bytes + Long.BYTES > remaining) {
            throw new ModelFormatException("Model file " + file + " ends early at byte " + fileSize + ": " + what
                    + " needs " + bytes + " bytes from byte " + counter.position() + ", and the 8-byte checksum must"
                    + " follow, but only " + Math.max(remaining, 0) + " bytes remain. " + TRUNCATED_ADVICE);
        }
    }

    private static String hex(long checksum) {
        return String.format("%08x", checksum);
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return text.toString();
    }

    /** A layer as stored, before its ids and settings are validated. */
    private record RawTraining(String loss, Map<String, Double> lossSettings, String optimizer,
                               Map<String, Double> optimizerSettings) {
    }

    private record RawLayer(int width, String activation, Map<String, Double> hyperparameters, String initializer,
                            Map<String, Double> initializerSettings, double l1, double l2, double dropout) {
    }

    /** Counts the bytes read through it, so messages can say where the file went wrong. */
    private static final class CountingInputStream extends FilterInputStream {

        private long position;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            position += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
