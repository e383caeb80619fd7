package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.ProvisionException;
import dev.backprop.api.InvalidConfigurationException;
import java.nio.file.NoSuchFileException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorLineTest {

    private static final StackTraceElement PLUGIN = new StackTraceElement("org.acme.Cube", "value", "Cube.java", 12);
    private static final StackTraceElement CORE = new StackTraceElement("dev.backprop.core.train.Trainer", "run",
            "Trainer.java", 40);

    @Test
    void badInput_isExitTwoWithTheMessage() {
        ErrorLine line = ErrorLine.of(new ProvisionException("wrapped",
                new InvalidConfigurationException("--hidden expects widths\nabove 0.")));

        assertEquals(new ErrorLine(BackpropCli.BAD_INPUT, "error: --hidden expects widths above 0."), line);
    }

    @Test
    void fileThatOnlyNamesItself_saysWhatWentWrong() {
        ErrorLine line = ErrorLine.of(new NoSuchFileException("/data/m.bpnn"));

        assertEquals(new ErrorLine(BackpropCli.BAD_INPUT, "error: NoSuchFileException: /data/m.bpnn"), line);
    }

    @Test
    void pluginThatThrows_isExitThreeNamingItsMethodAndTheRootCause() {
        IllegalStateException thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {PLUGIN, CORE});

        ErrorLine line = ErrorLine.of(new CommandLine.ExecutionException(new CommandLine(CommandLine.Model.CommandSpec.create()),
                "wrapped", new RuntimeException("worker failed", thrown)));

        assertEquals(BackpropCli.FAILURE, line.status());
        assertEquals("error: a plugin failed: org.acme.Cube.value (Cube.java:12) threw IllegalStateException: boom."
                + " Fix that plugin or remove its jar from --plugins.", line.text());
    }

    @Test
    void staticInitialiserThatFails_isNamedAsSuch() {
        IllegalArgumentException cause = new IllegalArgumentException("no config");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.acme.Cube", "<clinit>", "Cube.java", 3)});

        ErrorLine line = ErrorLine.of(new ExceptionInInitializerError(cause));

        assertEquals(BackpropCli.FAILURE, line.status());
        assertTrue(line.text().startsWith("error: a plugin failed: the static initialiser of org.acme.Cube (Cube.java:3)"
                + " threw IllegalArgumentException: no config."), line.text());
    }

    @Test
    void providerThatCannotBeLoaded_withoutPluginFrames() {
        ServiceConfigurationError error = new ServiceConfigurationError("Provider org.acme.Gone not found");
        error.setStackTrace(new StackTraceElement[] {CORE});

        ErrorLine line = ErrorLine.of(error);

        assertEquals(new ErrorLine(BackpropCli.FAILURE, "error: a plugin could not be loaded: ServiceConfigurationError:"
                + " Provider org.acme.Gone not found. Fix that plugin or remove its jar from --plugins."), line);
    }

    @Test
    void outOfMemory_saysHowToGiveMoreHeap() {
        ErrorLine line = ErrorLine.of(new OutOfMemoryError("Java heap space"));

        assertEquals(BackpropCli.FAILURE, line.status());
        assertTrue(line.text().startsWith("error: out of memory (OutOfMemoryError: Java heap space)"), line.text());
        assertTrue(line.text().contains("BACKPROP_JAVA_OPTS=-Xmx8g"), line.text());
    }

    @Test
    void bugInBackprop_isUnexpectedWithWhereItHappened() {
        NullPointerException thrown = new NullPointerException("id is null");
        thrown.setStackTrace(new StackTraceElement[] {CORE});

        ErrorLine line = ErrorLine.of(thrown);

        assertEquals(BackpropCli.FAILURE, line.status());
        assertTrue(line.text().startsWith("error: unexpected NullPointerException: id is null at"
                + " dev.backprop.core.train.Trainer.run(Trainer.java:40). This is a bug"), line.text());
    }

    @Test
    void longMessages_areCut() {
        ErrorLine line = ErrorLine.of(new IllegalStateException("x".repeat(5000)));

        assertTrue(line.text().length() < 400, line.text().length() + "");
    }
}
