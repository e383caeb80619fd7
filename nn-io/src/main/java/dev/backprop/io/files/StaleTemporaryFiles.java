package dev.backprop.io.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the temporary files of {@link AtomicFileWriter} after the process that writes them,
 * {@code <name>.<pid>.<random>.tmp}, and removes those that a killed save left behind: a temporary
 * file of the same target whose process is no longer running on this machine
 * ({@link ProcessHandle#of} is empty) and that has not changed for {@link #MINIMUM_AGE}. A live
 * writer's file is never touched, nor are files of other targets, nor files named by older versions
 * ({@code <name>.<random>.tmp}, which carry no process id). The process check sees this machine only:
 * on a folder shared by several machines, the age is what protects another machine's save under way.
 * Best effort: a file that cannot be removed is logged and left. Stateless and thread-safe.
 */
final class StaleTemporaryFiles {

    /** How long a dead writer's temporary file must have been unchanged before it is removed. */
    static final Duration MINIMUM_AGE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(StaleTemporaryFiles.class);
    private static final String SUFFIX = ".tmp";
    private static final Pattern MIDDLE = Pattern.compile("([0-9]{1,19})\\.[0-9a-z]{1,13}");

    private StaleTemporaryFiles() {
    }

    /** The name of a new temporary file for {@code target} written by this process. */
    static String name(String target, long random) {
        return target + "." + ProcessHandle.current().pid() + "." + Long.toUnsignedString(random, Character.MAX_RADIX)
                + SUFFIX;
    }

    /**
     * Removes the stale temporary files of {@code target} (an absolute path) from its folder.
     *
     * @return how many were removed
     */
    static int removeFor(Path target) {
        Path directory = target.getParent();
        String prefix = target.getFileName() + ".";
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                p -> isTemporaryOf(p.getFileName().toString(), prefix))) {
            for (Path file : files) {
                if (removeIfStale(file, prefix)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look for stale temporary files of {} ({}); they are left as they are", target,
                    e.toString());
        }
        return removed;
    }

    private static boolean isTemporaryOf(String name, String prefix) {
        return name.length() > prefix.length() + SUFFIX.length() && name.startsWith(prefix) && name.endsWith(SUFFIX);
    }

    private static boolean removeIfStale(Path file, String prefix) {
        String name = file.getFileName().toString();
        OptionalLong pid = writer(name.substring(prefix.length(), name.length() - SUFFIX.length()));
        if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()
                || ProcessHandle.of(pid.getAsLong()).isPresent()) {
            return false;
        }
        try {
            Instant changed = Files.getLastModifiedTime(file).toInstant();
            if (changed.isAfter(Instant.now().minus(MINIMUM_AGE))) {
                return false;
            }
            if (Files.deleteIfExists(file)) {
                LOG.info("Removed {}, a temporary file left by an interrupted save (process {} is no longer"
                        + " running)", file, pid.getAsLong());
                return true;
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}, a temporary file left by an interrupted save of process {}: {}. Delete it"
                    + " by hand.", file, pid.getAsLong(), e.toString());
        }
        return false;
    }

    /** The process id in {@code <pid>.<random>}, or empty for any other name. */
    private static OptionalLong writer(String middle) {
        Matcher matcher = MIDDLE.matcher(middle);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
