package dev.backprop.examples.console;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** One line that says why a file operation failed, whatever the {@link IOException} carries. */
public final class IoFailure {

    private IoFailure() {
    }

    /**
     * Its message, such as {@code /runs/m-loss.png: No space left on device}; for an exception without a
     * message or one that only names its file, its kind too ({@code DirectoryNotEmptyException:
     * /runs/m-loss.png}). On one line.
     */
    public static String describe(IOException e) {
        boolean onlyAFile = e instanceof FileSystemException files && files.getReason() == null;
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : onlyAFile ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
