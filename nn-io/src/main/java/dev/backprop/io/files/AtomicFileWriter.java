package dev.backprop.io.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file all at once: the content goes to a temporary file in the same directory, which is
 * forced to disk and then moved over the target in one step. Readers see the old file or the new
 * one, never a mixture; if anything fails, the temporary file is deleted and the target is left as
 * it was. Model files, checkpoints and the example apps' charts are all written this way.
 *
 * <p>The temporary file is named {@code <name>.<pid>.<random>.tmp} after the writing process. A save
 * that is killed cannot delete its temporary file, so each save first removes the temporary files of
 * the same target whose process is no longer running and which have not changed for a minute (logged
 * at INFO); a concurrent writer's file is never removed.
 */
public final class AtomicFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NAME_ATTEMPTS = 100;

    /** Writes a file's content to the stream it is given; the stream is flushed and closed by the caller. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code content} to {@code target}, atomically where the file system allows.
     *
     * @return the number of bytes written
     * @throws NoSuchFileException if the target's folder does not exist (the message says so)
     * @throws IOException if the temporary file cannot be created, written, forced or moved; the target
     *                     is then unchanged and the temporary file is gone
     */
    public static long write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(absolute.toString(), null, "cannot write it because the folder "
                    + folder + " does not exist. Create the folder first, or choose a path in an existing one.");
        }
        return write(absolute, content, UnaryOperator.identity());
    }

    /**
     * Writes {@code content} to {@code target}, atomically where the file system allows.
     *
     * @param target      the file to create or replace; its directory must exist
     * @param content     what to write
     * @param decorator   wraps the raw file stream before buffering (identity in production; tests
     *                    use it to make the write fail part-way)
     * @return the number of bytes written
     * @throws IOException if the temporary file cannot be created, written, forced or moved; the
     *                     target is then unchanged and the temporary file is gone
     */
    public static long write(Path file, Content content, UnaryOperator<OutputStream> decorator) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        StaleTemporaryFiles.removeFor(target);
        Path temporary = createTemporary(directory, target.getFileName().toString());
        boolean moved = false;
        long size;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(decorator.apply(Channels.newOutputStream(channel)),
                        BUFFER_BYTES);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                size = channel.size();
            }
            move(temporary, target);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
        forceDirectory(directory);
        return size;
    }

    /**
     * A new empty file {@code <name>.<pid>.<random>.tmp} next to the target. Created with the default
     * permissions (the process umask applies), unlike {@link Files#createTempFile}, which makes
     * owner-only files, so the saved model ends up readable like any other file the user writes.
     */
    private static Path createTemporary(Path directory, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve(StaleTemporaryFiles.name(name, ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt + 1 >= NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("Atomic move not supported for {} ({}); replacing it non-atomically", target, e.getMessage());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary file {} after a failed save: {}. Delete it by hand.",
                    temporary, e.toString());
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (POSIX); best effort. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not force directory {} to disk ({}); the saved file is complete but its rename may"
                    + " not survive a power cut", directory, e.toString());
        }
    }
}
