package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.io.model.KindsActivation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigFiles#save} writes what {@link ConfigFiles#load} reads back, settings of every kind included. */
class ConfigFilesSaveTest {

    private static final PluginRegistry DISCOVERED = PluginRegistry.discovered();
    private static final PluginRegistry REGISTRY = PluginRegistry.of(
            List.of(new KindsActivation(), DISCOVERED.activation("relu"), DISCOVERED.activation("leaky_relu")),
            List.of(DISCOVERED.loss("huber"), DISCOVERED.loss("mse")),
            List.of(DISCOVERED.optimizer("adam"), DISCOVERED.optimizer("sgd")));

    @TempDir
    Path dir;

    private static RunConfig everything(LearningRateSchedule schedule) {
        NetworkSpec spec = Network.builder().registry(REGISTRY).input(4)
                .dense(8, KindsActivation.ID.value(), Hyperparameters.of("gain", 0.5).with("clip", true)
                        .with("mode", "square")).withWeightPenalty(1e-5, 1e-4).dropout(0.25)
                .dense(6, "leaky_relu", Hyperparameters.of("alpha", 0.1))
                .withInitializer("constant", Hyperparameters.of("value", 0.125))
                .dense(3, "relu").withInitializer("he_uniform")
                .spec();
        TrainingConfig training = TrainingConfig.builder()
                .loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("adam", Hyperparameters.of("learning_rate", 1e-4, "beta1", 0.8))
                .epochs(7).batchSize(16).shuffle(false).seed(-3).threads(2)
                .schedule(schedule).clipping(GradientClipping.byValue(0.5)).build();
        return new RunConfig(spec, 11, training);
    }

    @Test
    void saveThenLoad_givesAnEqualRun_inYamlAndJson() {
        List<LearningRateSchedule> schedules = List.of(LearningRateSchedule.constant(),
                LearningRateSchedule.step(3, 0.5), LearningRateSchedule.exponential(0.9),
                LearningRateSchedule.cosine(0.1),
                LearningRateSchedule.linearWarmup(2, LearningRateSchedule.linearWarmup(1,
                        LearningRateSchedule.cosine(0.0))));
        for (String name : List.of("run.yaml", "run.json", "run.yml")) {
            for (LearningRateSchedule schedule : schedules) {
                RunConfig run = everything(schedule);
                Path file = dir.resolve(name);

                ConfigFiles.save(run, file);

                assertEquals(run, ConfigFiles.load(file, REGISTRY), name + " with " + schedule);
            }
        }
    }

    @Test
    void save_writesSwitchesAndTextAsSuch() throws IOException {
        Path yaml = dir.resolve("run.yaml");
        Path json = dir.resolve("run.json");

        ConfigFiles.save(everything(LearningRateSchedule.constant()), yaml);
        ConfigFiles.save(everything(LearningRateSchedule.constant()), json);

        String yamlText = Files.readString(yaml);
        String jsonText = Files.readString(json);
        assertTrue(yamlText.contains("clip: true"), yamlText);
        assertTrue(yamlText.contains("mode: square") || yamlText.contains("mode: \"square\""), yamlText);
        assertTrue(jsonText.contains("\"clip\" : true"), jsonText);
        assertTrue(jsonText.contains("\"mode\" : \"square\""), jsonText);
    }

    @Test
    void save_ofTheDefaults_loadsBackAsTheDefaults() {
        RunConfig run = new RunConfig(Network.builder().input(2).dense(1, "relu").spec(), 42,
                TrainingConfig.builder().build());
        Path file = dir.resolve("defaults.yaml");

        ConfigFiles.save(run, file);

        assertEquals(run, ConfigFiles.load(file, REGISTRY));
        assertEquals(PluginId.of("sgd"), ConfigFiles.load(file, REGISTRY).training().optimizer());
    }

    @Test
    void save_ofAScheduleOfTheUsersOwn_isRefused_andLeavesThePreviousFile() throws IOException {
        Path file = dir.resolve("run.yaml");
        ConfigFiles.save(everything(LearningRateSchedule.constant()), file);
        byte[] before = Files.readAllBytes(file);
        RunConfig custom = new RunConfig(everything(LearningRateSchedule.constant()).network(), 1,
                TrainingConfig.builder().schedule((epoch, epochs, initial) -> initial / epoch).build());

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.save(custom, file));

        assertEquals("training.schedule", e.location());
        assertTrue(e.getMessage().contains("is not one of the types a config file names"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: use a built-in schedule"), e.getMessage());
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals(new String(before), new String(Files.readAllBytes(file)));
    }

    @Test
    void save_intoAMissingFolder_saysSo() {
        Path file = dir.resolve("missing").resolve("run.json");

        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> ConfigFiles.save(everything(LearningRateSchedule.constant()), file));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("is unchanged"), e.getMessage());
    }

    @Test
    void save_withAnUnsupportedExtension_saysWhichOnesWork() {
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> ConfigFiles.save(everything(LearningRateSchedule.constant()), dir.resolve("run.toml")));

        assertTrue(e.getMessage().contains(".json, .yaml or .yml"), e.getMessage());
    }
}
