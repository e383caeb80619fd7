package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class EssentialWarningTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutAnSlf4jProvider_writesOneLineToStandardError() {
        Logger log = mock(Logger.class);

        EssentialWarning.warn(log, "dev.backprop.core.internal.MatrixKernels", "Fast matrix kernels are off.",
                new NOPLoggerFactory(), stderr);

        assertEquals("WARN dev.backprop.core.internal.MatrixKernels - Fast matrix kernels are off."
                + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
        verifyNoInteractions(log);
    }

    @Test
    void withAProvider_logsThroughIt_andWritesNothingElse() {
        Logger log = mock(Logger.class);

        EssentialWarning.warn(log, "dev.backprop.core.internal.MatrixKernels", "Fast matrix kernels are off.",
                LoggerFactory.getILoggerFactory(), stderr);

        verify(log).warn("Fast matrix kernels are off.");
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
