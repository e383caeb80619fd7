package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of format versions 1 (no initialiser settings) and 2 (no training configuration or state) still load, written here byte by byte as version 1 laid them out. */
class ModelFilesVersion1Test {

    @TempDir
    Path dir;

    @Test
    void load_ofVersion1File_givesTheSavedWeights() throws IOException {
        float[] weights = {0.5f, -1.5f, 2f, 0.25f, 1f, -0.75f};
        float[] biases = {0.1f, -0.2f};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write("BPNN".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(1);                 // format version 1
        data.writeInt(3);                 // input width
        data.writeInt(1);                 // one layer
        data.writeInt(2);                 // width
        data.writeUTF("softmax");
        data.writeInt(0);                 // no activation settings
        data.writeUTF("he_uniform");      // initialiser id; version 1 stores no initialiser settings
        data.writeInt(2);                 // parameters
        writeTensor(data, "layer1.weights", 3, 2, weights);
        writeTensor(data, "layer1.biases", 1, 2, biases);
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        Path file = dir.resolve("v1.bpnn");
        Files.write(file, bytes.toByteArray());

        Network loaded = ModelFiles.load(file, PluginRegistry.of(List.of(), List.of(), List.of()));

        assertArrayEquals(weights, loaded.parameters().get(0).values());
        assertArrayEquals(biases, loaded.parameters().get(1).values());
        assertEquals("he_uniform", loaded.spec().layers().get(0).initializer().value());
        assertEquals(Hyperparameters.none(), loaded.spec().layers().get(0).initializerHyperparameters());
    }

    @Test
    void load_ofVersion2FileWithLossAndOptimizer_givesWeightsAndTrainingButNoConfigOrState() throws IOException {
        float[] weights = {0.5f, -1.5f, 2f, 0.25f, 1f, -0.75f};
        float[] biases = {0.1f, -0.2f};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write("BPNN".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(2);                 // format version 2
        data.writeInt(3);                 // input width
        data.writeInt(1);                 // one layer
        data.writeInt(2);                 // width
        data.writeUTF("softmax");
        data.writeInt(0);                 // no activation settings
        data.writeUTF("");                // the activation's default initialiser
        data.writeInt(0);                 // no initialiser settings
        data.writeDouble(0);              // l1
        data.writeDouble(0.01);           // l2
        data.writeDouble(0);              // dropout
        data.writeInt(2);                 // parameters
        writeTensor(data, "layer1.weights", 3, 2, weights);
        writeTensor(data, "layer1.biases", 1, 2, biases);
        data.writeBoolean(true);          // loss and optimizer follow; version 2 stores nothing more
        data.writeUTF("categorical_cross_entropy");
        data.writeInt(0);
        data.writeUTF("momentum");
        data.writeInt(1);
        data.writeUTF("momentum");
        data.writeDouble(0.8);
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        Path file = dir.resolve("v2.bpnn");
        Files.write(file, bytes.toByteArray());

        PluginRegistry registry = PluginRegistry.discovered();
        Network loaded = ModelFiles.load(file, registry);

        assertArrayEquals(weights, loaded.parameters().get(0).values());
        assertEquals(0.01, loaded.spec().layers().get(0).penalty().l2());
        LoadedModel opened = ModelFiles.open(file, registry);
        SavedTraining training = opened.training().orElseThrow();
        assertEquals("momentum", training.optimizer().value());
        assertEquals(0.8, training.optimizerHyperparameters().get("momentum", 0));
        assertEquals(Optional.empty(), opened.config());
        assertEquals(Optional.empty(), opened.checkpoint());
        assertEquals(Optional.empty(), ModelFiles.checkpoint(file));
    }

    private static void writeTensor(DataOutputStream data, String name, int rows, int columns, float[] values)
            throws IOException {
        data.writeUTF(name);
        data.writeInt(rows);
        data.writeInt(columns);
        for (float value : values) {
            data.writeFloat(value);
        }
    }
}
