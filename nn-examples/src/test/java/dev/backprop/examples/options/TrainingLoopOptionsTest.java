package dev.backprop.examples.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class TrainingLoopOptionsTest {

    @Command(name = "train", defaultValueProvider = Defaults.class)
    static final class Train {
        @Mixin
        TrainingLoopOptions loop;
    }

    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--epochs", "7", "--batch", "16", "--seed", "42", "--threads", "1"));
        }
    }

    private final Train command = new Train();

    @Test
    void theCommandsDefaults_applyUntilAnOptionIsGiven() {
        parse("--batch", "8");

        assertEquals(7, command.loop.epochs());
        assertEquals(8, command.loop.batch());
        assertEquals(42, command.loop.seed());
        assertEquals(1, command.loop.threads());
    }

    @Test
    void aListOfThreadCounts_isForBenchOnly() {
        parse("--threads", "1,2");

        assertEquals(List.of(1, 2), command.loop.threadCounts());
        String message = assertThrows(InvalidConfigurationException.class, command.loop::threads).getMessage();
        assertTrue(message.contains("--threads takes one count here but was given [1, 2]"), message);
    }

    @Test
    void aThreadCountBelowOne_isRefused() {
        parse("--threads", "0");

        String message = assertThrows(InvalidConfigurationException.class, command.loop::threads).getMessage();
        assertTrue(message.contains("--threads must list counts of at least 1 but was given [0]"), message);
    }

    private void parse(String... args) {
        new CommandLine(command).parseArgs(args);
    }
}
