package dev.backprop.examples.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class PluginChoicesTest {

    @Command(name = "train")
    static final class Train {
        @Mixin
        PluginChoices plugins;
    }

    private final Train command = new Train();

    @Test
    void settings_carryNumbersSwitchesAndText() {
        parse("--optimizer-setting", "beta1=0.8", "--optimizer-setting", "amsgrad=true",
                "--optimizer-setting", "schedule=warm", "--loss-setting", "reduction=sum", "--loss-setting",
                "delta=2", "--activation-setting", "alpha=0.1", "--activation-setting", "inplace=false");

        Hyperparameters optimizer = command.plugins.optimizerSettings();
        assertEquals(0.8, optimizer.value("beta1"));
        assertEquals(Boolean.TRUE, optimizer.value("amsgrad"));
        assertEquals("warm", optimizer.value("schedule"));
        assertEquals(Hyperparameters.of(Map.of("reduction", "sum", "delta", 2.0)), command.plugins.lossSettings());
        assertEquals(Hyperparameters.of(Map.of("alpha", 0.1, "inplace", false)),
                command.plugins.activationSettings());
        assertEquals(new PluginSettings(command.plugins.activationSettings(), command.plugins.lossSettings(), optimizer),
                command.plugins.settings());
    }

    @Test
    void optimizerHyperparameters_areTheLearningRateThenTheSettings() {
        parse("--learning-rate", "0.05", "--optimizer-setting", "momentum=0.5");

        assertEquals(Hyperparameters.of("learning_rate", 0.05, "momentum", 0.5),
                command.plugins.optimizerHyperparameters());
        assertEquals(Hyperparameters.of("learning_rate", 0.2, "momentum", 0.5),
                command.plugins.optimizerHyperparameters(0.2));
    }

    @Test
    void aSettingOfTheLearningRate_winsOverTheOption() {
        parse("--learning-rate", "0.05", "--optimizer-setting", "learning_rate=0.01");

        assertEquals(Hyperparameters.of("learning_rate", 0.01), command.plugins.optimizerHyperparameters());
    }

    @Test
    void withoutSettings_noneAreSet() {
        parse("--optimizer", "adam");

        assertEquals("adam", command.plugins.optimizer());
        assertTrue(command.plugins.optimizerSettings().isEmpty());
        assertEquals(PluginSettings.NONE, command.plugins.settings());
    }

    private void parse(String... args) {
        new CommandLine(command).parseArgs(args);
    }
}
