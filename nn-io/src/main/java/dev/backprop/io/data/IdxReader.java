package dev.backprop.io.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one IDX file of a given {@link IdxKind}, plain or gzipped, into an {@link IdxContent}.
 *
 * <p>Gzip is recognised by its first two bytes ({@code 1f 8b}), not by the file name. The header is
 * checked first (magic, then each dimension at least 1), then the data is read in bulk into one
 * byte array, then the file must end. Positions in messages count bytes of the (decompressed) IDX
 * data. One reader reads one file; not thread-safe.
 */
final class IdxReader {

    private static final int BUFFER_BYTES = 1 << 16;
    /**
     * The first data buffer when the file's size does not vouch for the declared size (gzip, whose
     * expansion is unknown until read, or a plain file too short); it doubles, up to the declared size,
     * only as data arrives, so a lying header costs at most twice the bytes really there.
     */
    static final int FIRST_CHUNK_BYTES = 1 << 20;
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final String DOWNLOAD_AGAIN = "An interrupted download or copy leaves such a file: download or"
            + " copy it again.";

    private final Path file;
    private final IdxKind kind;
    private boolean gzipped;
    private long fileSize;
    private long position;

    private IdxReader(Path file, IdxKind kind) {
        this.file = file;
        this.kind = kind;
    }

    /**
     * Reads and validates {@code file} as an IDX file of {@code kind}.
     *
     * @throws DatasetFormatException if the file is missing, unreadable, of another kind, truncated,
     *                                followed by extra bytes, or declares an empty dimension
     */
    static IdxContent read(Path file, IdxKind kind) {
        return new IdxReader(file.toAbsolutePath().normalize(), kind).read();
    }

    private IdxContent read() {
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException("Cannot read IDX " + kind.noun() + " file " + file + ": it is a folder,"
                    + " but a file was expected. Give the path of a file such as " + kind.example() + ".");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            fileSize = Files.size(file);
            return decode(raw);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " does not exist: expected a"
                    + " file such as " + kind.example() + " there. Check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ").", e);
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " cannot be read: permission"
                    + " denied. Give this user read access to it, or copy it somewhere readable.", e);
        } catch (ZipException e) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " starts like a gzip file"
                    + " (bytes 1f 8b) but its compressed data is corrupt (" + e.getMessage() + "), found after "
                    + position + " bytes of IDX data. " + DOWNLOAD_AGAIN, e);
        } catch (EOFException e) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " is truncated: its gzip data"
                    + " ends early, after " + position + " bytes of IDX data (" + e.getMessage() + "). "
                    + DOWNLOAD_AGAIN, e);
        } catch (IOException e) {
            throw new DatasetFormatException("Could not read IDX " + kind.noun() + " file " + file + ": " + e
                    + ". Check that the file is readable, then try again.", e);
        }
    }

    private IdxContent decode(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
        buffered.mark(2);
        gzipped = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
        buffered.reset();
        InputStream in = gzipped ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
        readMagic(in);
        int[] dimensions = readDimensions(in);
        byte[] values = readValues(in, dimensions);
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + describeCompression() + " has "
                    + extra + " unexpected bytes after the " + describe(dimensions) + " its header declares: expected"
                    + " the data to end at byte " + position + " but found " + (position + extra) + " bytes. The"
                    + " header's count may be wrong or another file was appended: download or copy it again.");
        }
        return new IdxContent(file, dimensions, values);
    }

    private void readMagic(InputStream in) throws IOException {
        byte[] bytes = readHeaderBytes(in, Integer.BYTES, "its 4-byte magic number");
        int magic = ByteBuffer.wrap(bytes).getInt();
        if (magic != kind.magic()) {
            throw new DatasetFormatException("File " + file + describeCompression() + " is not an IDX " + kind.noun()
                    + " file: expected the magic number " + kind.describeMagic() + " but found " + describeMagic(magic)
                    + ". " + adviceForMagic(magic));
        }
    }

    private int[] readDimensions(InputStream in) throws IOException {
        int[] dimensions = new int[kind.dimensions()];
        ByteBuffer header = ByteBuffer.wrap(readHeaderBytes(in, dimensions.length * Integer.BYTES,
                "its " + dimensions.length + " dimension size" + (dimensions.length == 1 ? "" : "s")));
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = header.getInt();
        }
        if (dimensions[0] <= 0) {
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " declares "
                    + Integer.toUnsignedString(dimensions[0]) + " " + kind.plural() + " in its header: expected at"
                    + " least 1 (and at most " + MAX_VALUES + "). A data set needs examples: check that this is the"
                    + " complete file, or download it again.");
        }
        for (int i = 1; i < dimensions.length; i++) {
            if (dimensions[i] <= 0) {
                throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " declares "
                        + kind.plural() + " of " + Integer.toUnsignedString(dimensions[1]) + " × "
                        + Integer.toUnsignedString(dimensions[2]) + " pixels: expected at least 1 × 1 (MNIST's are"
                        + " 28 × 28). The header is corrupt: download or copy the file again.");
            }
        }
        long size = 1;
        for (int dimension : dimensions) {
            size *= dimension;
            if (size > MAX_VALUES) {
                throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + " declares "
                        + describe(dimensions) + ", more than " + MAX_VALUES + " bytes, which one Java array cannot"
                        + " hold: expected a smaller file. Split the data into several files, or check that the"
                        + " header is not corrupt.");
            }
        }
        return dimensions;
    }

    /**
     * Reads the data into one array of the declared size: allocated at once for a plain file that holds
     * that many bytes after its header, else grown by doubling from {@link #FIRST_CHUNK_BYTES} only as
     * data arrives (a gzip file's size says little about what it expands to). A short file fails at its
     * first missing byte, saying how many bytes the header promised and how many were read.
     */
    private byte[] readValues(InputStream in, int[] dimensions) throws IOException {
        int size = Math.toIntExact(Arrays.stream(dimensions).asLongStream().reduce(1, (a, b) -> a * b));
        long possible = gzipped ? 0 : fileSize - headerBytes();
        byte[] values = new byte[size <= possible ? size : Math.min(size, FIRST_CHUNK_BYTES)];
        int filled = 0;
        while (true) {
            int read = in.readNBytes(values, filled, values.length - filled);
            filled += read;
            position += read;
            if (filled < values.length) {
                throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + describeCompression()
                        + " is truncated: its header declares " + describe(dimensions) + " (" + size + " bytes after"
                        + " the " + headerBytes() + "-byte header) but only " + filled + " bytes follow. "
                        + DOWNLOAD_AGAIN);
            }
            if (filled == size) {
                return values;
            }
            values = Arrays.copyOf(values, (int) Math.min(size, 2L * values.length));
        }
    }

    private byte[] readHeaderBytes(InputStream in, int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        position += bytes.length;
        if (bytes.length < count) {
            String found = position == 0 ? "the file is empty" : "it ends after " + position + " bytes";
            throw new DatasetFormatException("IDX " + kind.noun() + " file " + file + describeCompression()
                    + " is truncated: expected a " + headerBytes() + "-byte header, but " + found + ", while reading "
                    + what + ". " + DOWNLOAD_AGAIN);
        }
        return bytes;
    }

    private int headerBytes() {
        return Integer.BYTES * (1 + kind.dimensions());
    }

    private String describe(int[] dimensions) {
        String count = dimensions[0] + " " + kind.plural();
        return dimensions.length == 1 ? count : count + " of " + dimensions[1] + " × " + dimensions[2] + " pixels";
    }

    private String describeCompression() {
        return gzipped ? " (gzip)" : "";
    }

    private String describeMagic(int magic) {
        if (magic == kind.other().magic()) {
            return kind.other().describeMagic() + ", the magic of an IDX " + kind.other().noun() + " file";
        }
        if (magic >>> 16 == 0) {
            int dimensions = magic & 0xff;
            return String.format("0x%08x, an IDX file of %s values in %d dimension%s", magic,
                    typeName((magic >>> 8) & 0xff), dimensions, dimensions == 1 ? "" : "s");
        }
        byte[] bytes = ByteBuffer.allocate(Integer.BYTES).putInt(magic).array();
        return String.format("0x%08x (bytes %s), which is not an IDX magic number", magic,
                HexFormat.ofDelimiter(" ").formatHex(bytes));
    }

    private String adviceForMagic(int magic) {
        if (magic == kind.other().magic()) {
            return "Pass the " + kind.plural() + " file here (such as " + kind.example() + "): the image and label"
                    + " paths look swapped.";
        }
        return "Check the path: expected an MNIST-format " + kind.plural() + " file such as " + kind.example()
                + " (gzipped or not).";
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> String.format("unknown type 0x%02x", type);
        };
    }
}
