package dev.backprop.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.examples.options.PluginSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOverridesTest {

    private static final BenchOverrides NONE = BenchOverrides.none();

    @Test
    void c1_isTheSigmoidMseSgdConfigOfThePeers() {
        BenchSettings c1 = NONE.resolve(PeerConfig.C1);

        assertEquals("C1", c1.name());
        assertEquals(List.of(784, 100, 10), c1.layers());
        assertEquals("sigmoid", c1.activation());
        assertEquals("sigmoid", c1.outputActivation());
        assertEquals("mse", c1.loss());
        assertEquals("sgd", c1.optimizer());
        assertEquals(Hyperparameters.of("learning_rate", 2.5), c1.optimizerHyperparameters());
        assertEquals(32, c1.batch());
        assertEquals(5, c1.epochs());
        assertEquals(5, c1.accuracyAfter());
        assertEquals(42, c1.seed());
        assertEquals(79_400, c1.weightCount());
    }

    @Test
    void c2_isTheReluSoftmaxAdamConfigOfThePeers() {
        BenchSettings c2 = NONE.resolve(PeerConfig.C2);

        assertEquals(List.of(784, 256, 128, 10), c2.layers());
        assertEquals("relu", c2.activation());
        assertEquals("softmax", c2.outputActivation());
        assertEquals("categorical_cross_entropy", c2.loss());
        assertEquals(Hyperparameters.of("learning_rate", 1e-3), c2.optimizerHyperparameters());
        assertEquals("adam", c2.optimizer());
        assertEquals(128, c2.batch());
        assertEquals(5, c2.epochs());
        assertEquals(234_752, c2.weightCount());
    }

    @Test
    void c3_isTheMomentumConfigWithAccuracyAfterEpoch2() {
        BenchSettings c3 = NONE.resolve(PeerConfig.C3);

        assertEquals(List.of(784, 1024, 1024, 10), c3.layers());
        assertEquals("softmax", c3.outputActivation());
        assertEquals("momentum", c3.optimizer());
        assertEquals(Hyperparameters.of("learning_rate", 0.05, "momentum", 0.9), c3.optimizerHyperparameters());
        assertEquals(256, c3.batch());
        assertEquals(4, c3.epochs());
        assertEquals(2, c3.accuracyAfter());
        assertEquals(1_861_632, c3.weightCount());
    }

    @Test
    void withoutConfig_theDefaultsAreC2sAndTheNameIsCustom() {
        BenchSettings custom = NONE.resolve(null);
        BenchSettings c2 = NONE.resolve(PeerConfig.C2);

        assertEquals("custom", custom.name());
        assertEquals(new BenchSettings("custom", c2.layers(), c2.activation(), c2.loss(), c2.optimizer(),
                c2.learningRate(), c2.batch(), c2.epochs(), c2.accuracyAfter(), c2.seed(),
                c2.pluginSettings()), custom);
    }

    @Test
    void explicitOptions_overrideTheConfigsValuesOneByOne() {
        BenchOverrides given = new BenchOverrides(List.of(16, 8, 10), "tanh", null, null, 0.1,64, 3, null, 7L,
                PluginSettings.NONE);

        BenchSettings settings = given.resolve(PeerConfig.C1);

        assertEquals("C1", settings.name());
        assertEquals(List.of(16, 8, 10), settings.layers());
        assertEquals("tanh", settings.activation());
        assertEquals("tanh", settings.outputActivation());
        assertEquals("mse", settings.loss());
        assertEquals("sgd", settings.optimizer());
        assertEquals(0.1, settings.learningRate());
        assertEquals(64, settings.batch());
        assertEquals(3, settings.epochs());
        assertEquals(3, settings.accuracyAfter());
        assertEquals(7, settings.seed());
        assertEquals(16 * 8 + 8 * 10, settings.weightCount());
    }

    @Test
    void c3_keepsItsAccuracyEpochWhenEpochsChange_andAnExplicitOneWins() {
        assertEquals(2, overridesWith(null, 3, null).resolve(PeerConfig.C3).accuracyAfter());
        assertEquals(3, overridesWith(null, 3, 3).resolve(PeerConfig.C3).accuracyAfter());
    }

    @Test
    void momentum_defaultsTo0Point9ForTheMomentumOptimizer_andCanBeOverridden() {
        BenchSettings byDefault = overridesWith("momentum", null, null).resolve(null);
        BenchSettings given = new BenchOverrides(null, null, null, null, null, null, null, null, null,
                new PluginSettings(Hyperparameters.none(), Hyperparameters.none(), Hyperparameters.of("momentum", 0.5)))
                .resolve(PeerConfig.C3);

        assertEquals(Hyperparameters.of("learning_rate", 1e-3, "momentum", 0.9),
                byDefault.optimizerHyperparameters());
        assertEquals(Hyperparameters.of("learning_rate", 0.05, "momentum", 0.5), given.optimizerHyperparameters());
    }

    @Test
    void anotherOptimizerOnC3_dropsTheMomentumSetting() {
        BenchSettings settings = overridesWith("sgd", null, null).resolve(PeerConfig.C3);

        assertFalse(settings.optimizerHyperparameters().contains("momentum"));
        assertEquals(0.05, settings.learningRate());
    }

    @Test
    void pluginSettings_areLaidOverTheConfigsOptimizerSettings_andDescribed() {
        PluginSettings settings = new PluginSettings(Hyperparameters.of("alpha", 0.1), Hyperparameters.of("delta", 2.0),
                Hyperparameters.of("momentum", 0.7));
        BenchSettings c3 = new BenchOverrides(null, null, null, null, null, null, null, null, null, settings)
                .resolve(PeerConfig.C3);

        assertEquals(settings, c3.pluginSettings());
        assertEquals(Hyperparameters.of("learning_rate", 0.05, "momentum", 0.7), c3.optimizerHyperparameters());
        assertTrue(c3.describe().contains("relu {alpha=0.1}->softmax, categorical_cross_entropy {delta=2.0},"),
                c3.describe());
    }

    @Test
    void invalidCombinations_areRejectedWithTheOptionName() {
        assertRejected(overridesWith(null, 1, null), "--epochs must be at least 2 but was 1", "untimed warm-up");
        assertRejected(overridesWith(null, 3, 4), "--acc-after must be an epoch from 1 to 3", "was 4");
        assertRejected(new BenchOverrides(List.of(784), null, null, null, null, null, null, null, null,
                        PluginSettings.NONE),
                "--layers needs at least an input and an output width");
        assertRejected(new BenchOverrides(null, null, null, null, null,0, null, null, null,
                        PluginSettings.NONE),
                "--batch must be at least 1 but was 0");
    }

    private static BenchOverrides overridesWith(String optimizer, Integer epochs, Integer accuracyAfter) {
        return new BenchOverrides(null, null, null, optimizer, null, null, epochs, accuracyAfter, null,
                PluginSettings.NONE);
    }

    private static void assertRejected(BenchOverrides overrides, String... fragments) {
        String message = assertThrows(InvalidConfigurationException.class, () -> overrides.resolve(null))
                .getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected '" + fragment + "' in: " + message);
        }
    }
}
