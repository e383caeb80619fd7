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
import java.util.List;
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

    @Test
    void settingsAfterTheColon_reachThePlugins_andAreSavedWithTheModel(@TempDir Path folder) {
        Path model = folder.resolve("xor.bpnn");

        int status = run("xor", "--epochs", "5", "--optimizer", "momentum:momentum=0.5", "--loss", "huber:delta=2",
                "--activation", "leaky_relu:alpha=0.2", "--init", "constant:value=0.1", "--model", model.toString());

        assertEquals(0, status, err.toString());
        var saved = ModelFiles.open(model, PluginRegistry.discovered());
        TrainingConfig config = saved.config().orElseThrow();
        assertEquals(0.5, config.optimizerHyperparameters().get("momentum", 0));
        assertEquals(2.0, config.lossHyperparameters().get("delta", 0));
        var hidden = saved.network().spec().layers().get(0);
        assertEquals("leaky_relu", hidden.activation().value());
        assertEquals(0.2, hidden.activationHyperparameters().get("alpha", 0), 1e-6);
        assertEquals("constant", hidden.initializer().value(), "--init reaches every layer");
        assertEquals("constant", saved.network().spec().layers().get(1).initializer().value());
    }

    @Test
    void aMisspeltSettingName_getsTheClosestDeclaredOne() {
        int status = run("xor", "--epochs", "5", "--optimizer", "adam:beta=0.95");

        assertOneErrorLine(status, "error: --optimizer adam: the optimizer 'adam' has no setting 'beta'. Did you mean"
                + " 'beta1'? It takes: amsgrad, beta1, beta2, epsilon, learning_rate");
    }

    @Test
    void aMisspeltInitialiserSetting_getsTheClosestDeclaredOne() {
        int status = run("xor", "--epochs", "5", "--init", "constant:valeu=0.1");

        assertOneErrorLine(status, "error: --init constant: the initializer 'constant' has no setting 'valeu'. Did you"
                + " mean 'value'?");
    }

    @Test
    void aNumberThatIsNot_isRefusedByThePlugin_sayingItWantsANumber() {
        int status = run("xor", "--epochs", "5", "--loss", "huber:delta=0.5x");

        assertOneErrorLine(status, "error: ");
        assertTrue(err.toString().contains("'delta'") && err.toString().contains("must be a number")
                && err.toString().contains("0.5x"), err.toString());
    }

    @Test
    void aDuplicateOrEmptyName_isAUsageErrorOfOneLine_pointingAtTheHelp() {
        int status = run("xor", "--optimizer", "adam:beta1=0.9,beta1=0.8");

        assertEquals(BackpropCli.BAD_INPUT, status);
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("error: Invalid value for option '--optimizer'") && lines.get(0)
                .contains("'adam:beta1=0.9,beta1=0.8' sets 'beta1' twice"), lines.get(0));
        assertEquals("see ./backprop xor --help", lines.get(1));

        err.getBuffer().setLength(0);
        assertEquals(BackpropCli.BAD_INPUT, run("xor", "--activation", "leaky_relu:=0.1"));
        assertTrue(err.toString().contains("has a value without a name"), err.toString());
    }

    @Test
    void theSameSettingAfterTheColonAndInTheAlias_isRefused() {
        int status = run("xor", "--epochs", "5", "--optimizer", "momentum:momentum=0.5", "--optimizer-setting",
                "momentum=0.9");

        assertOneErrorLine(status, "error: --optimizer momentum:momentum=0.5 and --optimizer-setting momentum=0.9 both"
                + " set 'momentum'");
    }

    private void assertOneErrorLine(int status, String start) {
        assertEquals(BackpropCli.BAD_INPUT, status, err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), "the error and the --debug hint: " + err);
        assertTrue(lines.get(0).startsWith(start), lines.get(0));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
