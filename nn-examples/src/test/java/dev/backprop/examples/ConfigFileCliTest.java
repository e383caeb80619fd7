package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.examples.bench.IdxFolderWriter;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.io.model.LoadedModel;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config FILE}: the training commands take a whole run from a file, and explicit options win. */
class ConfigFileCliTest {

    @TempDir
    Path dir;

    private static final String XOR_RUN = """
            network:
              input: 2
              seed: 7
              layers:
                - {width: 6, activation: tanh}
                - {width: 1, activation: sigmoid}
            training:
              loss: mse
              optimizer: {id: momentum, hyperparameters: {learning_rate: 0.5, momentum: 0.8}}
              epochs: 4
              batch_size: 4
              shuffle: false
              threads: 1
              schedule: {type: cosine, minimum_fraction: 0.1}
            """;

    @Test
    void xor_takesTheWholeRunFromTheFile() throws IOException {
        Path model = dir.resolve("xor.bpnn");

        CliRun run = CliRun.of("xor", "--config", file("run.yaml", XOR_RUN).toString(), "--model", model.toString());

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.lastLine().startsWith("result: example=xor epochs=4 train_loss="), run.lastLine());
        LoadedModel saved = ModelFiles.open(model, PluginRegistry.discovered());
        TrainingConfig config = saved.config().orElseThrow();
        assertEquals("momentum", config.optimizer().value());
        assertEquals(0.8, config.optimizerHyperparameters().get("momentum", 0));
        assertEquals(LearningRateSchedule.cosine(0.1), config.schedule());
        assertEquals(List.of(6, 1), saved.network().spec().layers().stream().map(LayerSpec::width).toList());
        assertEquals("tanh", saved.network().spec().layers().get(0).activation().value());
    }

    @Test
    void optionsGivenExplicitly_overrideSingleValuesOfTheFile() throws IOException {
        Path model = dir.resolve("xor.bpnn");

        CliRun run = CliRun.of("xor", "--config", file("run.yaml", XOR_RUN).toString(), "--model", model.toString(),
                "--epochs", "6", "--hidden", "3,5", "--learning-rate", "0.25", "--loss", "huber:delta=2",
                "--init", "constant:value=0.1");

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.lastLine().startsWith("result: example=xor epochs=6 "), run.lastLine());
        LoadedModel saved = ModelFiles.open(model, PluginRegistry.discovered());
        TrainingConfig config = saved.config().orElseThrow();
        assertEquals("momentum", config.optimizer().value(), "the file's optimizer");
        assertEquals(0.8, config.optimizerHyperparameters().get("momentum", 0), "the file's setting");
        assertEquals(0.25, config.optimizerHyperparameters().get("learning_rate", 0), "--learning-rate's");
        assertEquals("huber", config.loss().value());
        assertEquals(2.0, config.lossHyperparameters().get("delta", 0));
        assertEquals(4, config.batchSize(), "the file's");
        List<LayerSpec> layers = saved.network().spec().layers();
        assertEquals(List.of(3, 5, 1), layers.stream().map(LayerSpec::width).toList());
        assertEquals("tanh", layers.get(1).activation().value(), "new layers are like the file's");
        assertTrue(layers.stream().allMatch(l -> l.initializer().value().equals("constant")), layers.toString());
    }

    @Test
    void mnist_sine_andIris_takeARunFromAFileToo() throws IOException {
        Path data = IdxFolderWriter.write(Files.createDirectories(dir.resolve("data")), 60, 20);
        Path mnistRun = file("mnist.json", """
                {"network": {"input": 16, "layers": [{"width": 8, "activation": "relu"},
                                                     {"width": 10, "activation": "softmax"}]},
                 "training": {"loss": "categorical_cross_entropy", "optimizer": "adam", "epochs": 2,
                              "batch_size": 16, "threads": 1}}
                """);
        CliRun mnist = CliRun.of("mnist", "--config", mnistRun.toString(), "--data", data.toString(), "--model",
                dir.resolve("m.bpnn").toString());
        assertEquals(0, mnist.status(), mnist.toString());
        assertTrue(mnist.out().contains("network 16-8 relu-10 softmax; categorical_cross_entropy, adam"), mnist.out());
        assertTrue(mnist.lastLine().startsWith("result: example=mnist epochs=2 "), mnist.lastLine());

        CliRun sine = CliRun.of("sine", "--config", file("sine.yaml", """
                network: {input: 1, layers: [{width: 8, activation: tanh}, {width: 1, activation: identity}]}
                training: {loss: mse, optimizer: adam, epochs: 3, batch_size: 32, threads: 1}
                """).toString());
        assertEquals(0, sine.status(), sine.toString());
        assertTrue(sine.lastLine().startsWith("result: example=sine epochs=3 "), sine.lastLine());

        CliRun iris = CliRun.of("iris", "--config", file("iris.yaml", """
                network: {input: 4, layers: [{width: 5, activation: tanh}, {width: 3, activation: softmax}]}
                training: {loss: categorical_cross_entropy, optimizer: adam, epochs: 2, threads: 1}
                """).toString(), "--epochs", "3", "--data", "../data/iris/iris.csv");
        assertEquals(0, iris.status(), iris.toString());
        assertTrue(iris.lastLine().startsWith("result: example=iris epochs=3 "), iris.lastLine());
    }

    @Test
    void aNetworkThatDoesNotFitTheData_saysWhatToChangeInTheFile() throws IOException {
        Path data = IdxFolderWriter.write(Files.createDirectories(dir.resolve("data")), 40, 10);
        Path run = file("wide.yaml", """
                network: {input: 784, layers: [{width: 8, activation: relu}, {width: 10, activation: softmax}]}
                """);

        CliRun mnist = CliRun.of("mnist", "--config", run.toString(), "--data", data.toString(), "--model",
                dir.resolve("m.bpnn").toString());

        assertBadInput(mnist, "error: --config " + run + " describes a network of 784 inputs, but " + data
                + " (10 classes) has 16 features per example: set network.input to 16 in " + run + ".");
        assertBadInput(CliRun.of("xor", "--config", file("three.yaml", """
                network: {input: 2, layers: [{width: 3, activation: sigmoid}]}
                """).toString()), "error: --config " + dir.resolve("three.yaml") + " describes a network of 3 outputs");
    }

    @Test
    void badFiles_andAFileWithAPreset_areOneErrorLine() throws IOException {
        assertBadInput(CliRun.of("xor", "--config", dir.resolve("missing.yaml").toString()), "error: ");
        assertBadInput(CliRun.of("xor", "--config", file("typo.yaml", XOR_RUN.replace("epochs:", "epoch:"))
                .toString()), "error: Config file ");
        assertBadInput(CliRun.of("mnist", "--config", file("run.yaml", XOR_RUN).toString(), "--preset", "seed"),
                "error: --config and --preset both give the starting settings");
    }

    @Test
    void theDocumentedCosineExample_stillLearnsInItsLastEpoch() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "config-files.md"));
        java.util.regex.Matcher cosine = java.util.regex.Pattern.compile(
                "schedule: \\{type: cosine, minimum_fraction: ([0-9.]+)\\}").matcher(doc);

        assertTrue(cosine.find(), "the schema shows a cosine schedule");
        double lastRate = LearningRateSchedule.cosine(Double.parseDouble(cosine.group(1))).rate(10, 10, 1e-3);
        assertTrue(lastRate > 0, "the last epoch trains at rate " + lastRate);
    }

    private static void assertBadInput(CliRun run, String start) {
        assertEquals(BackpropCli.BAD_INPUT, run.status(), run.toString());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), "the error and the --debug hint: " + run);
        assertTrue(lines.get(0).startsWith(start), "'" + start + "' in " + lines.get(0));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
