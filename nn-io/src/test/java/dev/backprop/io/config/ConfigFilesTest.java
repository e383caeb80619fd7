package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.io.model.TestTrainers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discovered();

    @TempDir
    Path dir;

    private static final String FULL_YAML = String.join("\n",
            "network:",
            "  input: 784",
            "  seed: 7",
            "  layers:",
            "    - {width: 256, activation: relu}",
            "    - {width: 16, activation: leaky_relu, hyperparameters: {alpha: 0.1}}",
            "    - {width: 10, activation: softmax, initializer: glorot_uniform}",
            "training:",
            "  loss: {id: huber, hyperparameters: {delta: 0.5}}",
            "  optimizer: {id: adam, hyperparameters: {learning_rate: 1e-3}}",
            "  epochs: 5",
            "  batch_size: 128",
            "  shuffle: false",
            "  seed: 9",
            "  threads: 2",
            "  schedule: {type: linear_warmup, warmup_epochs: 2, then: {type: cosine, minimum_fraction: 0.1}}",
            "  clipping: {by_norm: 1.0}",
            "");

    private static final String FULL_JSON = "{\"network\": {\"input\": 784, \"seed\": 7, \"layers\": ["
            + "{\"width\": 256, \"activation\": \"relu\"},"
            + "{\"width\": 16, \"activation\": \"leaky_relu\", \"hyperparameters\": {\"alpha\": 0.1}},"
            + "{\"width\": 10, \"activation\": \"softmax\", \"initializer\": \"glorot_uniform\"}]},"
            + "\"training\": {\"loss\": {\"id\": \"huber\", \"hyperparameters\": {\"delta\": 0.5}},"
            + "\"optimizer\": {\"id\": \"adam\", \"hyperparameters\": {\"learning_rate\": 0.001}},"
            + "\"epochs\": 5, \"batch_size\": 128, \"shuffle\": false, \"seed\": 9, \"threads\": 2,"
            + "\"schedule\": {\"type\": \"linear_warmup\", \"warmup_epochs\": 2,"
            + " \"then\": {\"type\": \"cosine\", \"minimum_fraction\": 0.1}},"
            + "\"clipping\": {\"by_norm\": 1.0}}}";

    private static NetworkSpec builderSpec() {
        return Network.builder().input(784)
                .dense(256, "relu")
                .dense(16, "leaky_relu", Hyperparameters.of("alpha", 0.1))
                .dense(10, "softmax").withInitializer("glorot_uniform")
                .spec();
    }

    private static TrainingConfig builderTraining() {
        return TrainingConfig.builder()
                .loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("adam", Hyperparameters.of("learning_rate", 0.001))
                .epochs(5).batchSize(128).shuffle(false).seed(9).threads(2)
                .schedule(LearningRateSchedule.linearWarmup(2, LearningRateSchedule.cosine(0.1)))
                .clipping(GradientClipping.byNorm(1.0))
                .build();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void load_ofYaml_equalsTheBuilders() throws IOException {
        RunConfig run = ConfigFiles.load(write("run.yaml", FULL_YAML), REGISTRY);

        assertEquals(builderSpec(), run.network());
        assertEquals(7, run.networkSeed());
        assertEquals(builderTraining(), run.training());
    }

    @Test
    void load_ofJson_equalsTheBuilders() throws IOException {
        RunConfig run = ConfigFiles.load(write("run.json", FULL_JSON), REGISTRY);

        assertEquals(builderSpec(), run.network());
        assertEquals(7, run.networkSeed());
        TrainingConfig expected = builderTraining();
        TrainingConfig actual = run.training();
        assertEquals(expected.loss(), actual.loss());
        assertEquals(expected.lossHyperparameters(), actual.lossHyperparameters());
        assertEquals(expected.optimizer(), actual.optimizer());
        assertEquals(expected.optimizerHyperparameters(), actual.optimizerHyperparameters());
        assertEquals(expected.epochs(), actual.epochs());
        assertEquals(expected.batchSize(), actual.batchSize());
        assertEquals(expected.shuffle(), actual.shuffle());
        assertEquals(expected.seed(), actual.seed());
        assertEquals(expected.threads(), actual.threads());
        assertEquals(expected.schedule(), actual.schedule());
        assertEquals(expected.clipping(), actual.clipping());
    }

    @Test
    void load_ofYmlExtension_readsYaml() throws IOException {
        RunConfig run = ConfigFiles.load(write("run.YML", FULL_YAML), REGISTRY);

        assertEquals(builderSpec(), run.network());
    }

    @Test
    void load_withoutTrainingSection_usesTheBuilderDefaults() throws IOException {
        Path file = write("net.yaml", "network: {input: 2, layers: [{width: 1, activation: sigmoid}]}\n");

        RunConfig run = ConfigFiles.load(file, REGISTRY);

        assertEquals(TrainingConfig.builder().build(), run.training());
        assertEquals(42, run.networkSeed());
    }

    @Test
    void load_ofEverySchedule_matchesTheFactories() throws IOException {
        String[][] cases = {
                {"constant", "{type: constant}"},
                {"constant", "constant"},
                {"step", "{type: step, every_epochs: 3, factor: 0.5}"},
                {"exponential", "{type: exponential, decay: 0.9}"},
                {"cosine", "cosine"},
                {"warmup", "{type: linear_warmup, warmup_epochs: 1}"},
        };
        List<LearningRateSchedule> expected = List.of(LearningRateSchedule.constant(), LearningRateSchedule.constant(),
                LearningRateSchedule.step(3, 0.5), LearningRateSchedule.exponential(0.9),
                LearningRateSchedule.cosine(0.0),
                LearningRateSchedule.linearWarmup(1, LearningRateSchedule.constant()));
        for (int i = 0; i < cases.length; i++) {
            Path file = write("s" + i + ".yaml", "network: {input: 2, layers: [{width: 1, activation: sigmoid}]}\n"
                    + "training: {schedule: " + cases[i][1] + ", clipping: {by_value: 0.5}}\n");

            TrainingConfig training = ConfigFiles.load(file, REGISTRY).training();

            assertEquals(expected.get(i), training.schedule(), cases[i][0]);
            assertEquals(GradientClipping.byValue(0.5), training.clipping());
        }
    }

    @Test
    void everySchedule_printsAsTheConfigFileWritesIt() throws IOException {
        List<LearningRateSchedule> schedules = List.of(LearningRateSchedule.constant(),
                LearningRateSchedule.step(3, 0.5), LearningRateSchedule.exponential(0.9),
                LearningRateSchedule.cosine(0.25),
                LearningRateSchedule.linearWarmup(2, LearningRateSchedule.linearWarmup(1,
                        LearningRateSchedule.cosine(0.1))));
        for (LearningRateSchedule schedule : schedules) {
            String mapping = asMapping(schedule.toString());
            Path file = write("printed.yaml", "network: {input: 2, layers: [{width: 1, activation: sigmoid}]}\n"
                    + "training: {schedule: " + mapping + "}\n");

            assertEquals(schedule, ConfigFiles.load(file, REGISTRY).training().schedule(), schedule + " as " + mapping);
        }
    }

    /** {@code {type: step, every_epochs: 3, factor: 0.5}} from {@code step(every_epochs=3, factor=0.5)}. */
    private static String asMapping(String printed) {
        int open = printed.indexOf('(');
        if (open < 0) {
            return "{type: " + printed + "}";
        }
        StringBuilder mapping = new StringBuilder("{type: ").append(printed, 0, open);
        String arguments = printed.substring(open + 1, printed.length() - 1);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i == arguments.length() ? ',' : arguments.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String argument = arguments.substring(start, i).strip();
                int equals = argument.indexOf('=');
                String value = argument.substring(equals + 1);
                mapping.append(", ").append(argument, 0, equals).append(": ")
                        .append(value.matches("[a-z_]+(\\(.*)?") ? asMapping(value) : value);
                start = i + 1;
            }
        }
        return mapping.append('}').toString();
    }

    @Test
    void exampleFiles_mirrorTheC2Benchmark() {
        NetworkSpec spec = Network.builder().input(784).dense(256, "relu").dense(128, "relu").dense(10, "softmax")
                .spec();
        TrainingConfig training = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam")
                .learningRate(1e-3).batchSize(128).epochs(5).shuffle(true).seed(42).threads(1).build();
        for (String name : List.of("c2.yaml", "c2.json")) {
            RunConfig run = ConfigFiles.load(Path.of("src", "test", "resources", "config", name), REGISTRY);

            assertEquals(spec, run.network(), name);
            assertEquals(training, run.training(), name);
            assertEquals(spec.parameterCount(), run.buildNetwork(REGISTRY).spec().parameterCount(), name);
        }
    }

    @Test
    void loadedConfig_trainsXorEndToEnd() throws IOException {
        Path file = write("xor.yaml", String.join("\n",
                "network:",
                "  input: 2",
                "  seed: 3",
                "  layers:",
                "    - {width: 8, activation: tanh}",
                "    - {width: 1, activation: sigmoid}",
                "training:",
                "  loss: mse",
                "  optimizer: {id: adam, hyperparameters: {learning_rate: 0.05}}",
                "  epochs: 400",
                "  batch_size: 4",
                "  threads: 1",
                "  seed: 5",
                ""));
        RunConfig run = ConfigFiles.load(file, REGISTRY);
        Dataset xor = Dataset.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new float[][] {{0}, {1}, {1}, {0}});
        Network network = run.buildNetwork(REGISTRY);

        TrainingHistory history = TestTrainers.of(run.training(), REGISTRY, List.of()).fit(network, xor);

        assertTrue(history.finalLoss() < 0.05, "final loss " + history.finalLoss());
        float[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        float[] expected = {0, 1, 1, 0};
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(expected[i], network.predict(inputs[i])[0], 0.3f, "XOR row " + i);
        }
    }
}
