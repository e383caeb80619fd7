package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void load_afterSave_givesIdenticalPredictions() {
        Network original = TestModels.trained(TestActivations.both(), 11);
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(original, file);
        Network loaded = ModelFiles.load(file, TestActivations.both());

        float[] expected = TestModels.predictions(original);
        float[] actual = TestModels.predictions(loaded);
        assertArrayEquals(bits(expected), bits(actual), "predictions must match bit for bit");
    }

    @Test
    void load_afterSave_givesIdenticalSpecAndParameters() {
        Network original = TestModels.trained(TestActivations.both(), 12);
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(original, file);
        Network loaded = ModelFiles.load(file, TestActivations.both());

        assertEquals(original.spec(), loaded.spec());
        List<Parameter> expected = original.parameters();
        List<Parameter> actual = loaded.parameters();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), actual.get(i).name());
            assertEquals(expected.get(i).rows(), actual.get(i).rows());
            assertEquals(expected.get(i).columns(), actual.get(i).columns());
            assertArrayEquals(bits(expected.get(i).values()), bits(actual.get(i).values()), expected.get(i).name());
        }
    }

    @Test
    void load_afterSave_keepsHyperparametersAndInitializerOfEachLayer() {
        Network original = TestModels.trained(TestActivations.both(), 13);
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(original, file);
        Network loaded = ModelFiles.load(file, TestActivations.both());

        assertEquals(0.2, loaded.spec().layers().get(1).activationHyperparameters().get("alpha", Double.NaN));
        assertEquals("he_uniform", loaded.spec().layers().get(1).initializer().value());
        assertFalse(loaded.spec().layers().get(0).explicitInitializer().isPresent());
    }

    @Test
    void load_withHyperparameterInActivation_appliesSavedSettingNotDefault() {
        Network original = TestModels.trained(TestActivations.both(), 14);
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(original, file);

        Network loaded = ModelFiles.load(file, TestActivations.both());
        Network withDefaultSlope = Network.create(
                new NetworkSpec(3, List.of(
                        loaded.spec().layers().get(0),
                        new LayerSpec(4, TestActivations.Leaky.ID, Hyperparameters.none(), null),
                        loaded.spec().layers().get(2))),
                TestActivations.both(), 0);
        for (int i = 0; i < loaded.parameters().size(); i++) {
            float[] values = loaded.parameters().get(i).values();
            System.arraycopy(values, 0, withDefaultSlope.parameters().get(i).values(), 0, values.length);
        }

        assertFalse(Arrays.equals(TestModels.predictions(withDefaultSlope), TestModels.predictions(loaded)),
                "alpha = 0.2 must have been applied on load, or this test's inputs do not exercise the slope");
        assertArrayEquals(bits(TestModels.predictions(original)), bits(TestModels.predictions(loaded)));
    }

    @Test
    void save_overExistingFile_replacesIt() {
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(TestModels.trained(TestActivations.both(), 1), file);
        Network second = TestModels.trained(TestActivations.both(), 2);

        ModelFiles.save(second, file);

        assertArrayEquals(bits(TestModels.predictions(second)),
                bits(TestModels.predictions(ModelFiles.load(file, TestActivations.both()))));
        assertEquals(List.of(file), listDir());
    }

    @Test
    void save_writesMagicAndFormatVersionFirst() throws IOException {
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(TestModels.trained(TestActivations.both(), 3), file);

        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            assertEquals("BPNN", new String(data.readNBytes(4), StandardCharsets.US_ASCII));
            assertEquals(ModelFiles.FORMAT_VERSION, data.readInt());
            assertEquals(3, data.readInt(), "input width");
            assertEquals(3, data.readInt(), "layer count");
        }
    }

    @Test
    void save_ofNetwork_hasSizeGivenByFormat() throws IOException {
        Network network = TestModels.trained(TestActivations.both(), 4);
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(network, file);

        long utf = 2;
        long header = 4 + 4 + 4 + 4;
        long initializerSettings = 4 + 8 + 8 + 8;   // version 2: initialiser settings (none here), l1, l2, dropout
        long numberSetting = 1 + 8;                  // version 4: the kind tag 'N', then the double
        long layers = (4 + utf + "test.tanh".length() + 4 + utf + initializerSettings)
                + (4 + utf + "test.leaky".length() + 4 + (utf + "alpha".length() + numberSetting) + utf
                + "he_uniform".length()
                + initializerSettings)
                + (4 + utf + "softmax".length() + 4 + utf + initializerSettings);
        long parameters = 4;
        for (Parameter parameter : network.parameters()) {
            parameters += utf + parameter.name().length() + 4 + 4 + 4L * parameter.size();
        }
        long trainingFlag = 1 + 1;   // no training configuration, no training state (format version 3 on)
        assertEquals(header + layers + parameters + trainingFlag + 8, Files.size(file));
    }

    @Test
    void load_afterSave_keepsTheInitializerSettingsAndWeightPenalties() {
        Network original = Network.builder().registry(PluginRegistry.of(List.of(), List.of(), List.of()))
                .input(3).dense(4, "softmax").dropout(0.3).dense(2, "softmax")
                .withInitializer("constant", Hyperparameters.of("value", 0.125)).withWeightPenalty(1e-5, 1e-4).build();
        Path file = dir.resolve("constant.bpnn");

        ModelFiles.save(original, file);

        assertEquals(original.spec(), ModelFiles.load(file).spec());
        assertEquals(Hyperparameters.of("value", 0.125),
                ModelFiles.load(file).spec().layers().get(1).initializerHyperparameters());
        assertEquals(0.3, ModelFiles.load(file).spec().layers().get(0).dropout());
    }

    @Test
    void load_withoutRegistry_usesDiscoveredPlugins() {
        // Core's softmax needs no plugin, so this network loads through the discovered registry.
        Network original = Network.builder().registry(PluginRegistry.of(List.of(), List.of(), List.of()))
                .input(3).dense(2, "softmax").build();
        SplittableRandom random = new SplittableRandom(5);
        for (Parameter parameter : original.parameters()) {
            for (int i = 0; i < parameter.size(); i++) {
                parameter.values()[i] = (float) random.nextGaussian();
            }
        }
        Path file = dir.resolve("softmax.bpnn");

        ModelFiles.save(original, file);
        Network loaded = ModelFiles.load(file);

        assertArrayEquals(bits(TestModels.predictions(original)), bits(TestModels.predictions(loaded)));
    }

    @Test
    void load_withRelativePath_findsFileLikeAbsolutePath() {
        Network original = TestModels.trained(TestActivations.both(), 6);
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(original, file);
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        Network loaded = ModelFiles.load(relative, TestActivations.both());

        assertArrayEquals(bits(TestModels.predictions(original)), bits(TestModels.predictions(loaded)));
    }

    private List<Path> listDir() {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw IEEE 754 bits, so that equality means bit-for-bit equality (-0.0 and NaN payloads included). */
    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
