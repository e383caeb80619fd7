package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.model.KindsActivation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin settings in config files are numbers, switches or text, passed to the plugin with their kind. */
class ConfigFilesSettingKindsTest {

    private static final PluginRegistry DISCOVERED = PluginRegistry.discovered();
    private static final PluginRegistry REGISTRY = PluginRegistry.of(
            List.of(new KindsActivation(), DISCOVERED.activation("relu")),
            List.of(DISCOVERED.loss("mse")), List.of(DISCOVERED.optimizer("sgd")));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void switchAndTextSettings_areReadWithTheirKind_inYamlAndJson() throws IOException {
        Hyperparameters expected = Hyperparameters.of("gain", 0.001).with("clip", true).with("mode", "square");
        Path yaml = write("run.yaml", "network:\n  input: 2\n  layers:\n"
                + "    - {width: 3, activation: test.kinds, hyperparameters: {gain: 1e-3, clip: true, mode: square}}\n");
        Path json = write("run.json", "{\"network\": {\"input\": 2, \"layers\": [{\"width\": 3, \"activation\":"
                + " \"test.kinds\", \"hyperparameters\": {\"gain\": 0.001, \"clip\": true, \"mode\": \"square\"}}]}}");

        for (Path file : List.of(yaml, json)) {
            LayerSpec layer = ConfigFiles.load(file, REGISTRY).network().layers().get(0);

            assertEquals(expected, layer.activationHyperparameters(), file.toString());
            assertEquals(Boolean.TRUE, layer.activationHyperparameters().value("clip"));
        }
    }

    @Test
    void aSettingOfTheWrongKind_isReportedAtTheSettingWithThePluginsWords() throws IOException {
        Path file = write("run.yaml", "network: {input: 2, layers: [{width: 3, activation: test.kinds,"
                + " hyperparameters: {clip: 1}}]}\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file, REGISTRY));

        assertEquals("network.layers[0].hyperparameters.clip", e.location());
        assertTrue(e.getMessage().contains("must be true or false but was the number 1.0"), e.getMessage());
        assertInstanceOf(InvalidHyperparameterException.class, e.getCause());
    }

    @Test
    void aTextChoiceThePluginRejects_isReportedAtTheSetting() throws IOException {
        Path file = write("run.json", "{\"network\": {\"input\": 2, \"layers\": [{\"width\": 3, \"activation\":"
                + " \"test.kinds\", \"hyperparameters\": {\"mode\": \"cubic\"}}]}}");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file, REGISTRY));

        assertEquals("network.layers[0].hyperparameters.mode", e.location());
        assertTrue(e.getMessage().contains("linear or square"), e.getMessage());
    }

    @Test
    void aSettingThatIsNoValue_saysWhichKindsAreAccepted() throws IOException {
        Path file = write("run.yaml", "network: {input: 2, layers: [{width: 3, activation: test.kinds,"
                + " hyperparameters: {mode: [a, b]}}]}\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file, REGISTRY));

        assertEquals("network.layers[0].hyperparameters.mode", e.location());
        assertTrue(e.getMessage().contains("expected a setting value: a number, true or false, or text, found a list"),
                e.getMessage());
    }

    @Test
    void anInitializerWithSettings_isReadFromTheMappingForm() throws IOException {
        Path file = write("run.yaml", "network: {input: 2, layers: [{width: 3, activation: relu,"
                + " initializer: {id: constant, hyperparameters: {value: 0.25}}}]}\n");

        LayerSpec layer = ConfigFiles.load(file, REGISTRY).network().layers().get(0);

        assertEquals(PluginId.of("constant"), layer.initializer());
        assertEquals(Hyperparameters.of("value", 0.25), layer.initializerHyperparameters());
    }

    @Test
    void aMisspeltInitializerSetting_isReportedAtTheSettingWithTheClosestName() throws IOException {
        Path file = write("run.yaml", "network: {input: 2, layers: [{width: 3, activation: relu,"
                + " initializer: {id: constant, hyperparameters: {valeu: 0.25}}}]}\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file, REGISTRY));

        assertEquals("network.layers[0].initializer.hyperparameters.valeu", e.location());
        assertTrue(e.getMessage().contains("Did you mean 'value'?"), e.getMessage());
    }
}
