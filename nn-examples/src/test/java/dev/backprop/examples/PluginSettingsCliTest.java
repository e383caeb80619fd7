package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.io.model.ModelFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --optimizer-setting}, {@code --loss-setting} and {@code --activation-setting} reach the plugins. */
class PluginSettingsCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void optimizerAndLossSettings_areSavedWithTheModel(@TempDir Path folder) {
        Path model = folder.resolve("xor.bpnn");

        int status = run("xor", "--epochs", "5", "--optimizer", "momentum", "--optimizer-setting", "momentum=0.5",
                "--loss", "huber", "--loss-setting", "delta=2", "--model", model.toString());

        assertEquals(0, status, err.toString());
        TrainingConfig saved = ModelFiles.open(model, PluginRegistry.discovered()).config().orElseThrow();
        assertEquals("momentum", saved.optimizer().value());
        assertEquals(0.5, saved.optimizerHyperparameters().get("momentum", 0));
        assertEquals(2.0, saved.optimizerHyperparameters().get("learning_rate", 0), "from --learning-rate's default");
        assertEquals("huber", saved.loss().value());
        assertEquals(2.0, saved.lossHyperparameters().get("delta", 0));
    }

    @Test
    void activationSettings_reachTheHiddenLayers() {
        int status = run("xor", "--epochs", "5", "--activation", "leaky_relu", "--activation-setting", "alpha=0.2");

        assertEquals(0, status, err.toString());
    }

    @Test
    void anUnknownSetting_isABadInputNamingWhatThePluginAccepts() {
        int status = run("xor", "--epochs", "5", "--optimizer", "momentum", "--optimizer-setting", "momentun=0.5");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().startsWith("error: --optimizer momentum: the optimizer 'momentum' has no setting"
                + " 'momentun'. Did you mean 'momentum'? It takes: learning_rate, momentum"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace without --debug: " + err);
    }

    @Test
    void aSwitchWhereThePluginTakesANumber_isABadInputThatSaysSo() {
        int status = run("xor", "--epochs", "5", "--optimizer", "momentum", "--optimizer-setting", "momentum=true");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("the switch true"), err.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
