package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesErrorsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discovered();

    private static final String NETWORK = "network:\n  input: 4\n  layers:\n"
            + "    - {width: 8, activation: relu}\n"
            + "    - {width: 8, activation: relu}\n"
            + "    - {width: 3, activation: softmax}\n";

    @TempDir
    Path dir;

    private ConfigFileException failure(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file, REGISTRY));
    }

    private static void assertContains(ConfigFileException e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        }
    }

    @Test
    void unknownHyperparameter_namesItsPathAndTheClosestSetting() throws IOException {
        ConfigFileException e = failure("run.yaml", NETWORK
                + "training:\n  optimizer: {id: adam, hyperparameters: {learning_rat: 0.01}}\n");

        assertEquals("training.optimizer.hyperparameters.learning_rat", e.location());
        assertContains(e, "run.yaml", "training.optimizer.hyperparameters.learning_rat", "learning_rate",
                "Did you mean 'learning_rate'?");
        assertInstanceOf(InvalidHyperparameterException.class, e.getCause());
    }

    @Test
    void unknownKey_listsTheAllowedKeysAndTheClosestMatch() throws IOException {
        ConfigFileException e = failure("run.yaml", NETWORK + "training:\n  epoch: 3\n");

        assertEquals("training.epoch", e.location());
        assertContains(e, "run.yaml", "unknown key 'epoch'", "loss, optimizer, epochs, batch_size", "did you mean 'epochs'?");
    }

    @Test
    void unknownKeyInLayer_namesTheLayerIndex() throws IOException {
        ConfigFileException e = failure("run.json", "{\"network\": {\"input\": 2, \"layers\": ["
                + "{\"width\": 2, \"activation\": \"relu\"}, {\"width\": 1, \"activaton\": \"sigmoid\"}]}}");

        assertContains(e, "run.json", "network.layers[1].activaton", "did you mean 'activation'?",
                "width, activation, initializer, hyperparameters");
    }

    @Test
    void textWhereAnIntegerBelongs_saysExpectedIntegerFoundText() throws IOException {
        ConfigFileException e = failure("run.yaml", "network:\n  input: 4\n  layers:\n"
                + "    - {width: 8, activation: relu}\n    - {width: 8, activation: relu}\n"
                + "    - {width: abc, activation: softmax}\n");

        assertEquals("network.layers[2].width", e.location());
        assertContains(e, "run.yaml", "network.layers[2].width", "expected an integer", "found \"abc\" (text)",
                "Fix: write a whole number");
    }

    @Test
    void fractionWhereAnIntegerBelongs_isRejected() throws IOException {
        ConfigFileException e = failure("run.json", "{\"network\": {\"input\": 2.5, \"layers\": []}}");

        assertContains(e, "network.input", "expected an integer", "found 2.5");
    }

    @Test
    void widthBelowOne_isOutOfRange() throws IOException {
        ConfigFileException e = failure("run.yaml", "network: {input: 2, layers: [{width: 0, activation: relu}]}\n");

        assertContains(e, "network.layers[0].width", "expected an integer from 1", "found 0");
    }

    @Test
    void wrongTypeForBoolean_andForNumber() throws IOException {
        assertContains(failure("a.yaml", NETWORK + "training: {shuffle: \"yes\"}\n"),
                "training.shuffle", "expected true or false", "found \"yes\" (text)");
        assertContains(failure("b.json", "{\"network\": {\"input\": 2, \"layers\": [{\"width\": 1, \"activation\":"
                        + " \"sigmoid\"}]}, \"training\": {\"clipping\": {\"by_norm\": \"1.0\"}}}"),
                "training.clipping.by_norm", "expected a number", "found \"1.0\" (text)");
    }

    @Test
    void missingRequiredKey_saysWhatToAdd() throws IOException {
        ConfigFileException e = failure("run.yaml", "network:\n  layers: [{width: 1, activation: sigmoid}]\n");

        assertEquals("network.input", e.location());
        assertContains(e, "run.yaml", "missing required key 'input'", "Fix: add it, for example input: 784");
    }

    @Test
    void missingNetwork_andEmptyLayers_areReported() throws IOException {
        assertContains(failure("a.yaml", "training: {epochs: 2}\n"), "missing required key 'network'");
        assertContains(failure("b.yaml", "network: {input: 2, layers: []}\n"), "network.layers",
                "expected a list of at least one element", "found an empty list");
    }

    @Test
    void unknownActivation_wrapsTheRegistryMessageWithFileAndPath() throws IOException {
        ConfigFileException e = failure("run.yaml", "network: {input: 2, layers: [{width: 2, activation: rleu}]}\n");

        assertEquals("network.layers[0].activation", e.location());
        assertContains(e, "run.yaml", "network.layers[0].activation", "rleu", "relu", "softmax");
        assertInstanceOf(UnknownPluginException.class, e.getCause());
    }

    @Test
    void unknownLossAndOptimizer_areReportedAtTheirIds() throws IOException {
        ConfigFileException loss = failure("a.yaml", NETWORK + "training: {loss: categorical_crossentropy}\n");
        assertEquals("training.loss", loss.location());
        assertContains(loss, "a.yaml", "categorical_crossentropy", "categorical_cross_entropy");

        ConfigFileException optimizer = failure("b.yaml", NETWORK + "training: {optimizer: {id: adamm}}\n");
        assertEquals("training.optimizer.id", optimizer.location());
        assertContains(optimizer, "b.yaml", "adamm", "adam");
    }

    @Test
    void malformedPluginId_isReportedAtTheId() throws IOException {
        ConfigFileException e = failure("run.yaml", "network: {input: 2, layers: [{width: 2, activation: ReLU}]}\n");

        assertContains(e, "network.layers[0].activation", "'ReLU' is not valid");
    }

    @Test
    void hyperparameterOutOfRange_isReportedAtTheSetting() throws IOException {
        ConfigFileException e = failure("run.yaml", NETWORK
                + "training: {loss: {id: huber, hyperparameters: {delta: -1}}}\n");

        assertEquals("training.loss.hyperparameters.delta", e.location());
        assertContains(e, "run.yaml", "delta");
        assertInstanceOf(InvalidHyperparameterException.class, e.getCause());
    }

    @Test
    void softmaxWithSettings_isRejectedAtTheSetting() throws IOException {
        ConfigFileException e = failure("run.yaml",
                "network: {input: 2, layers: [{width: 2, activation: softmax, hyperparameters: {alpha: 1}}]}\n");

        assertEquals("network.layers[0].hyperparameters.alpha", e.location());
    }

    @Test
    void unknownInitializer_isReportedAtTheInitializer() throws IOException {
        ConfigFileException e = failure("run.yaml",
                "network: {input: 2, layers: [{width: 2, activation: relu, initializer: glorot}]}\n");

        assertEquals("network.layers[0].initializer", e.location());
        assertContains(e, "glorot_uniform", "leave it out");
    }

    @Test
    void badSchedule_andBadClipping_areReported() throws IOException {
        assertContains(failure("a.yaml", NETWORK + "training: {schedule: {type: cosin}}\n"),
                "training.schedule.type", "did you mean 'cosine'?", "constant, step, exponential");
        assertContains(failure("b.yaml", NETWORK + "training: {schedule: {type: step, factor: 2.0, every_epochs: 1}}\n"),
                "training.schedule.factor", "expected a factor in (0, 1]", "found 2.0");
        assertContains(failure("c.yaml", NETWORK + "training: {schedule: {type: cosine, decay: 0.5}}\n"),
                "training.schedule.decay", "type, minimum_fraction");
        assertContains(failure("d.yaml", NETWORK + "training: {clipping: {by_norm: 1.0, by_value: 0.5}}\n"),
                "training.clipping", "exactly one of by_norm, by_value");
        assertContains(failure("e.yaml", NETWORK + "training: {clipping: {by_norm: 0}}\n"),
                "training.clipping.by_norm", "expected a positive limit");
    }

    @Test
    void malformedJson_givesLineAndColumn() throws IOException {
        ConfigFileException e = failure("run.json", "{\n  \"network\": {\n    \"input\": 2,\n    \"layers\": [}\n}\n");

        assertContains(e, "run.json", "is not well-formed JSON", "line 4", "column", "Fix:");
    }

    @Test
    void malformedYaml_givesLineAndColumn() throws IOException {
        ConfigFileException e = failure("run.yaml", "network:\n  input: 2\n  layers: [{width: 1, activation: relu}\n");

        assertContains(e, "run.yaml", "is not well-formed YAML", "line", "column", "Fix:");
    }

    @Test
    void duplicateKey_isRejected() throws IOException {
        assertContains(failure("run.json", "{\"network\": {\"input\": 2, \"input\": 3}}"),
                "is not well-formed JSON", "input");
    }

    @Test
    void emptyFile_andNonMappingRoot_areReported() throws IOException {
        assertContains(failure("a.yaml", ""), "a.yaml", "is empty");
        assertContains(failure("b.yaml", "- 1\n- 2\n"), "b.yaml", "expected a mapping with keys network, training",
                "found a list");
    }

    @Test
    void missingFile_saysItDoesNotExist() {
        Path missing = dir.resolve("nope.yaml");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(missing, REGISTRY));

        assertContains(e, "nope.yaml", "does not exist", "Fix: check the path");
        assertEquals(missing, e.file());
    }

    @Test
    void unsupportedExtension_saysWhichOnesWork() throws IOException {
        assertContains(failure("run.toml", "x = 1\n"), "run.toml", ".json, .yaml or .yml", "Fix: rename");
    }
}
