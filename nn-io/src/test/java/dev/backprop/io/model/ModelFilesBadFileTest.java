package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.BackpropException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesBadFileTest {

    @TempDir
    Path dir;

    private Path file;
    private byte[] valid;

    @BeforeEach
    void saveValidModel() throws IOException {
        file = dir.resolve("model.bpnn");
        ModelFiles.save(TestModels.trained(TestActivations.both(), 21), file);
        valid = Files.readAllBytes(file);
    }

    @Test
    void load_ofFileWithWrongMagic_saysItIsNotABackpropModel() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a model", StandardCharsets.US_ASCII);

        String message = loadFailure(text);

        assertContains(message, "is not a Backprop model", "'BPNN'", "'hell'", text.toString(), "Check the path");
    }

    @Test
    void load_ofEmptyFile_saysItIsNotABackpropModel() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.bpnn"));

        assertContains(loadFailure(empty), "is not a Backprop model", "an empty file");
    }

    @Test
    void load_ofFileFromNewerFormatVersion_asksToUpgrade() throws IOException {
        byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes).putInt(4, 99);
        Files.write(file, bytes);

        String message = loadFailure(file);

        assertContains(message, "written by format version 99", "reads versions up to " + ModelFiles.FORMAT_VERSION, "upgrade Backprop",
                file.toString());
    }

    @Test
    void load_ofFileWithVersionZero_saysItIsCorrupted() throws IOException {
        byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes).putInt(4, 0);
        Files.write(file, bytes);

        assertContains(loadFailure(file), "format version 0", "truncated or corrupted");
    }

    @Test
    void load_ofTruncatedFile_saysWhereItEndsEarly() throws IOException {
        Files.write(file, Arrays.copyOf(valid, valid.length / 2));

        String message = loadFailure(file);

        assertContains(message, "ends early", "at byte " + valid.length / 2, "truncated", file.toString());
    }

    @Test
    void load_ofFileCutInsideTheHeader_saysWhatWasBeingRead() throws IOException {
        Files.write(file, Arrays.copyOf(valid, 10));

        assertContains(loadFailure(file), "ends early at byte 10", "while reading the input width");
    }

    @Test
    void load_ofFileMissingOnlyItsChecksum_saysItEndsEarly() throws IOException {
        Files.write(file, Arrays.copyOf(valid, valid.length - 3));

        assertContains(loadFailure(file), "ends early at byte " + (valid.length - 3), "checksum");
    }

    @Test
    void load_ofFileWithFlippedWeightByte_reportsChecksumMismatch() throws IOException {
        byte[] bytes = valid.clone();
        bytes[bytes.length - 8 - 6] ^= 0x10; // inside the last bias value, before the checksum
        Files.write(file, bytes);

        String message = loadFailure(file);

        assertContains(message, "is corrupted", "checksum", "Restore the file", file.toString());
    }

    @Test
    void load_ofFileWithFlippedChecksumByte_reportsChecksumMismatch() throws IOException {
        byte[] bytes = valid.clone();
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);

        assertContains(loadFailure(file), "checksum");
    }

    @Test
    void load_ofFileWithBytesAppended_saysItShouldEndAtTheChecksum() throws IOException {
        byte[] bytes = Arrays.copyOf(valid, valid.length + 3);
        Files.write(file, bytes);

        assertContains(loadFailure(file), "3 unexpected bytes after its checksum", "at byte " + valid.length);
    }

    @Test
    void load_withAThirdPartyActivationNotInstalled_leadsWithTheCommandLineFix_thenTheLibraryOne() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(file, TestActivations.registry(new TestActivations.Tanh())));

        assertEquals("Model file " + file + " needs the activation 'test.leaky' (layer 2), which is not installed:"
                + " add --plugins DIR with the jar that provides 'test.leaky' (in code: put that jar on the classpath,"
                + " or load with a PluginRegistry that has it).", e.getMessage());
        assertContains(e.getCause().getMessage(), "Available: softmax, test.tanh");
    }

    @Test
    void load_withAMissingBuiltIn_asksForANewerBackprop_orARegistryThatHasIt() {
        Path relu = dir.resolve("relu.bpnn");
        ModelFiles.save(dev.backprop.core.network.Network.builder().input(2).dense(3, "relu").dense(2, "softmax")
                .build(), relu);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(relu, TestActivations.registry(new TestActivations.Tanh())));

        assertContains(e.getMessage(), "needs the activation 'relu' (layer 1), which is not installed: it is a"
                + " built-in this Backprop lacks, so upgrade Backprop");
    }

    @Test
    void load_withActivationNotInstalled_keepsRegistryErrorAsCause() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(file, TestActivations.registry()));

        assertInstanceOf(UnknownPluginException.class, e.getCause());
        assertContains(e.getMessage(), "'test.tanh' (layer 1)");
        assertContains(e.getCause().getMessage(), "Available: softmax.");
    }

    @Test
    void load_withSavedSettingTheInstalledPluginRejects_namesTheLayer() throws IOException {
        NetworkSpec spec = new NetworkSpec(2, List.of(
                new LayerSpec(3, TestActivations.Leaky.ID, Hyperparameters.of("alpha", 5.0), null),
                new LayerSpec(1, PluginId.of("softmax"), Hyperparameters.none(), null)));
        writeRaw(spec, parametersOf(spec));

        String message = loadFailure(file);

        assertContains(message, "layer 1 (activation 'test.leaky'", "alpha", "must lie in [0.0, 1.0]",
                "Install the plugin version");
    }

    @Test
    void load_ofMissingFile_saysItDoesNotExist() {
        Path missing = dir.resolve("nowhere.bpnn");

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(missing, TestActivations.both()));

        assertInstanceOf(NoSuchFileException.class, e.getCause());
        assertContains(e.getMessage(), missing.toString(), "does not exist", "Check the path");
    }

    @Test
    void load_ofDirectory_saysAFileWasExpected() {
        assertContains(loadFailure(dir), "is a directory", "model file was expected");
    }

    @Test
    void load_ofParametersThatDoNotFitTheArchitecture_namesTheParameter() throws IOException {
        NetworkSpec spec = TestModels.trained(TestActivations.both(), 1).spec();
        List<Parameter> parameters = new ArrayList<>(parametersOf(spec));
        parameters.set(2, new Parameter("dense_2.weight", 5, 3, new float[15])); // architecture says 5 × 4
        writeRaw(spec, parameters);

        String message = loadFailure(file);

        assertContains(message, "parameter 3 as 'dense_2.weight' 5 × 3", "expects 'dense_2.weight' 5 × 4",
                "save the model again");
    }

    /** Only files written before version 4 may use the old names (layer1.weights); they are read under the new ones. */
    @Test
    void load_ofACurrentFileWithTheOldParameterNames_namesTheParameter() throws IOException {
        NetworkSpec spec = TestModels.trained(TestActivations.both(), 1).spec();
        List<Parameter> parameters = new ArrayList<>(parametersOf(spec));
        Parameter first = parameters.get(0);
        parameters.set(0, new Parameter("layer1.weights", first.rows(), first.columns(), first.values()));
        writeRaw(spec, parameters);

        assertContains(loadFailure(file), "parameter 1 as 'layer1.weights'", "expects 'dense_1.weight'",
                "save the model again");
    }

    @Test
    void load_ofFileWithTooFewParameters_saysHowManyWereExpected() throws IOException {
        NetworkSpec spec = TestModels.trained(TestActivations.both(), 1).spec();
        writeRaw(spec, parametersOf(spec).subList(0, 4));

        assertContains(loadFailure(file), "holds 4 parameter tensors", "needs 6");
    }

    @Test
    void load_ofArchitectureWithUnknownInitializer_saysItCannotBuildTheNetwork() throws IOException {
        NetworkSpec spec = new NetworkSpec(2, List.of(
                new LayerSpec(3, TestActivations.Tanh.ID, Hyperparameters.none(), PluginId.of("orthogonal"))));
        writeRaw(spec, parametersOf(spec));

        assertContains(loadFailure(file), "cannot build", "'orthogonal'", "upgrade Backprop");
    }

    @Test
    void modelFormatException_isABackpropException() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(dir.resolve("nowhere.bpnn"), TestActivations.both()));

        assertInstanceOf(BackpropException.class, e);
    }

    /** Writes a file whose checksum is valid but whose content is whatever the test chose. */
    private void writeRaw(NetworkSpec spec, List<Parameter> parameters) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ModelFormat.write(spec, parameters, Optional.empty(), Optional.empty(), out);
        }
    }

    /** Zero-valued tensors shaped as {@code spec} needs. */
    private static List<Parameter> parametersOf(NetworkSpec spec) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            int width = spec.layers().get(i).width();
            parameters.add(new Parameter("dense_" + (i + 1) + ".weight", spec.fanIn(i), width,
                    new float[spec.fanIn(i) * width]));
            parameters.add(new Parameter("dense_" + (i + 1) + ".bias", 1, width, new float[width]));
        }
        return parameters;
    }

    private static String loadFailure(Path path) {
        return assertThrows(ModelFormatException.class, () -> ModelFiles.load(path, TestActivations.both()))
                .getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
