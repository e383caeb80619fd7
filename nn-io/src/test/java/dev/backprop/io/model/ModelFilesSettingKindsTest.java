package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 4: plugin settings keep their kind (number, switch, text), and a damaged kind is reported. */
class ModelFilesSettingKindsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new KindsActivation()), List.of(),
            List.of());
    private static final Hyperparameters SETTINGS = Hyperparameters.of("gain", 0.5).with("clip", true)
            .with("mode", "square");

    @TempDir
    Path dir;

    private Path file;
    private Network network;
    private byte[] valid;

    @BeforeEach
    void saveNetworkWithEveryKindOfSetting() throws IOException {
        network = Network.builder().registry(REGISTRY).input(2).dense(3, KindsActivation.ID.value(), SETTINGS)
                .dense(2, "softmax").seed(3).build();
        file = dir.resolve("kinds.bpnn");
        ModelFiles.save(network, file);
        valid = Files.readAllBytes(file);
    }

    @Test
    void load_afterSave_givesSwitchAndTextSettingsBackWithTheirKind() {
        Network loaded = ModelFiles.load(file, REGISTRY);

        Hyperparameters restored = loaded.spec().layers().get(0).activationHyperparameters();
        assertEquals(SETTINGS, restored);
        assertEquals(Boolean.TRUE, restored.value("clip"));
        assertEquals("square", restored.value("mode"));
        assertEquals(0.5, restored.value("gain"));
        float[] inputs = {0.5f, -2f, 1.5f, 0.25f};
        assertArrayEquals(network.predict(inputs, 2), loaded.predict(inputs, 2));
    }

    @Test
    void open_afterSaveWithConfig_givesLossAndOptimizerSettingsOfEveryKind() {
        TrainingConfig config = TrainingConfig.builder()
                .loss("mse", Hyperparameters.of("reduction", "sum_over_outputs"))
                .optimizer("adam", Hyperparameters.of("learning_rate", 0.01).with("amsgrad", true)).build();
        ModelFiles.save(network, config, file);

        LoadedModel opened = ModelFiles.open(file, REGISTRY);

        assertEquals(config, opened.config().orElseThrow());
        assertEquals(Boolean.TRUE, opened.config().get().optimizerHyperparameters().value("amsgrad"));
        assertEquals("sum_over_outputs", opened.training().orElseThrow().lossHyperparameters().value("reduction"));
    }

    @Test
    void save_tagsEachSettingWithItsKind() {
        assertEquals(HyperparametersSection.SWITCH, valid[indexAfter("clip")]);
        assertEquals(HyperparametersSection.NUMBER, valid[indexAfter("gain")]);
        assertEquals(HyperparametersSection.TEXT, valid[indexAfter("mode")]);
    }

    @Test
    void load_ofUnknownKindTagWithAValidChecksum_saysWhatWasExpected() throws IOException {
        byte[] bytes = valid.clone();
        bytes[indexAfter("clip")] = 'X';
        writeWithChecksum(bytes);

        String message = loadFailure();

        assertContains(message, file.toString(), "passes its checksum", "the kind of setting 'clip' of the activation"
                + " of layer 1 is the byte 88", "'N' (78, a number), 'S' (83, a switch) or 'T' (84, text)",
                "save the model again");
    }

    @Test
    void load_ofChangedKindTag_isReportedAsACorruptedChecksum() throws IOException {
        byte[] bytes = valid.clone();
        bytes[indexAfter("clip")] = 'X';
        Files.write(file, bytes);

        assertContains(loadFailure(), "is corrupted", "checksum", "Restore the file");
    }

    @Test
    void load_ofSwitchHoldingNeitherZeroNorOne_isRefused() throws IOException {
        byte[] bytes = valid.clone();
        bytes[indexAfter("clip") + 1] = 2;
        writeWithChecksum(bytes);

        assertContains(loadFailure(), "passes its checksum", "setting 'clip'", "holds the byte 2",
                "0 (false) or 1 (true)");
    }

    @Test
    void load_ofFileCutInsideASetting_saysWhichSettingItWasReading() throws IOException {
        int cut = indexAfter("mode") + 1;   // after the text tag, inside the value
        Files.write(file, Arrays.copyOf(valid, cut));

        assertContains(loadFailure(), "ends early at byte " + cut,
                "while reading the value of setting 'mode' of the activation of layer 1", "truncated");
    }

    /** The index just after the stored name {@code name} (two length bytes, then the text). */
    private int indexAfter(String name) {
        byte[] needle = new byte[name.length() + 2];
        ByteBuffer.wrap(needle).putShort((short) name.length()).put(name.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i + needle.length <= valid.length; i++) {
            if (Arrays.equals(valid, i, i + needle.length, needle, 0, needle.length)) {
                return i + needle.length;
            }
        }
        throw new AssertionError("setting '" + name + "' not found in the file");
    }

    /** Writes {@code bytes} with their last 8 bytes replaced by a valid checksum of the rest. */
    private void writeWithChecksum(byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        Files.write(file, bytes);
    }

    private String loadFailure() {
        return assertThrows(ModelFormatException.class, () -> ModelFiles.load(file, REGISTRY)).getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
