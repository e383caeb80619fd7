package dev.backprop.io.model;

import dev.backprop.api.PluginId;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the bytes of a model file, as laid out in {@link ModelFiles}: header, architecture,
 * parameters, then the CRC32 of everything before it. Knows nothing about files or atomicity.
 */
final class ModelEncoder {

    /** Floats are written in chunks of this many bytes rather than one call per value. */
    private static final int CHUNK_BYTES = 8192;

    private ModelEncoder() {
    }

    /** Writes {@code spec} and {@code parameters} to {@code out} and flushes it (without closing it). */
    static void encode(NetworkSpec spec, List<Parameter> parameters, OutputStream out) throws IOException {
        encode(spec, parameters, java.util.Optional.empty(), java.util.Optional.empty(), out);
    }

    /**
     * As {@link #encode(NetworkSpec, List, OutputStream)}, with the training configuration and the
     * resume state when given (a checkpoint needs a configuration).
     */
    static void encode(NetworkSpec spec, List<Parameter> parameters, java.util.Optional<TrainingConfig> config,
                       java.util.Optional<TrainingCheckpoint> checkpoint, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream data = new DataOutputStream(new CheckedOutputStream(out, crc));
        data.write(ModelFiles.MAGIC.getBytes(StandardCharsets.US_ASCII));
        data.writeInt(ModelFiles.FORMAT_VERSION);
        writeArchitecture(spec, data);
        writeParameters(parameters, data);
        writeTraining(config, data);
        RunSection.writeCheckpoint(checkpoint, data);
        data.flush();
        // The checksum goes straight to the underlying stream: it covers every byte before it, not itself.
        DataOutputStream trailer = new DataOutputStream(out);
        trailer.writeLong(crc.getValue());
        trailer.flush();
    }

    private static void writeArchitecture(NetworkSpec spec, DataOutputStream data) throws IOException {
        data.writeInt(spec.inputWidth());
        data.writeInt(spec.layers().size());
        for (LayerSpec layer : spec.layers()) {
            data.writeInt(layer.width());
            data.writeUTF(layer.activation().value());
            writeSettings(layer.activationHyperparameters().asMap(), data);
            data.writeUTF(layer.explicitInitializer().map(PluginId::value).orElse(""));
            writeSettings(layer.initializerHyperparameters().asMap(), data);
            data.writeDouble(layer.penalty().l1());
            data.writeDouble(layer.penalty().l2());
            data.writeDouble(layer.dropout());
        }
    }

    private static void writeTraining(java.util.Optional<TrainingConfig> config, DataOutputStream data)
            throws IOException {
        data.writeBoolean(config.isPresent());
        if (config.isPresent()) {
            data.writeUTF(config.get().loss().value());
            writeSettings(config.get().lossHyperparameters().asMap(), data);
            data.writeUTF(config.get().optimizer().value());
            writeSettings(config.get().optimizerHyperparameters().asMap(), data);
            RunSection.writeSettings(config.get(), data);
        }
    }

    private static void writeSettings(Map<String, Object> settings, DataOutputStream data) throws IOException {
        data.writeInt(settings.size());
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            data.writeUTF(setting.getKey());
            data.writeDouble((Double) setting.getValue());
        }
    }

    private static void writeParameters(List<Parameter> parameters, DataOutputStream data) throws IOException {
        data.writeInt(parameters.size());
        for (Parameter parameter : parameters) {
            data.writeUTF(parameter.name());
            data.writeInt(parameter.rows());
            data.writeInt(parameter.columns());
            writeFloats(parameter.values(), parameter.rows() * parameter.columns(), data);
        }
    }

    /** The first {@code count} values, big-endian IEEE 754 as {@link DataOutputStream#writeFloat} would write them. */
    static void writeFloats(float[] values, int count, DataOutputStream data) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < count; i++) {
            if (!chunk.hasRemaining()) {
                data.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putFloat(values[i]);
        }
        data.write(chunk.array(), 0, chunk.position());
    }
}
