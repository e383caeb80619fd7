package dev.backprop.io.model;

import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The order of a model file's sections, as laid out in {@link ModelFiles}: header, architecture,
 * parameters, training configuration (version 2 on), training state (version 3 on; version 6 adds the
 * unfinished epoch's progress), checksum. Writes
 * and reads them in that order; each section's bytes are its own class's business.
 *
 * <p>The order of checks while reading is what makes the messages useful: the magic bytes first (is
 * this a model at all?), then the version (can this Backprop read it?), then the structure while
 * reading (does the file end early? does a size fit the file and the architecture?), then the checksum
 * (was any byte changed?), and only then the meaning of the values (ids, widths, settings), so that a
 * corrupted byte is reported as corruption rather than as a strange id. Stateless.
 */
final class ModelFormat {

    private ModelFormat() {
    }

    /**
     * Writes {@code spec}, {@code parameters}, the training configuration and the resume state when given
     * (a checkpoint needs a configuration), then the checksum; flushes {@code out} without closing it.
     */
    static void write(NetworkSpec spec, List<Parameter> parameters, Optional<TrainingConfig> config,
                      Optional<TrainingCheckpoint> checkpoint, OutputStream out) throws IOException {
        ModelOutput model = new ModelOutput(out);
        HeaderSection.write(model);
        ArchitectureSection.write(spec, model);
        ParametersSection.write(parameters, model);
        TrainingSection.write(config, model);
        CheckpointSection.write(checkpoint, model);
        model.finish();
    }

    /**
     * Reads and verifies a whole model file of any version from 1 to {@link ModelFiles#FORMAT_VERSION}.
     *
     * @param in       the file's bytes from the start; not closed here
     * @param file     the file, for messages
     * @param fileSize the file's length in bytes, used to reject impossible sizes before allocating
     * @throws ModelFormatException if the file is not a model, too new, truncated, corrupted or invalid
     * @throws IOException          if reading fails for a reason other than the file's content
     */
    static SavedModel read(InputStream in, Path file, long fileSize) throws IOException {
        ModelInput model = new ModelInput(in, file, fileSize);
        int version = HeaderSection.read(model);
        ArchitectureSection.Raw architecture = ArchitectureSection.read(model, version);
        List<Parameter> read = ParametersSection.read(model, architecture);
        List<Parameter> parameters = version < 4 ? ParametersSection.withCurrentNames(read) : read;
        Optional<TrainingSection.Raw> training = version >= 2 ? TrainingSection.read(model, version)
                : Optional.empty();
        Optional<CheckpointSection.Raw> checkpoint = version >= 3 ? CheckpointSection.read(model, parameters, version)
                : Optional.empty();
        model.verifyChecksum();
        return new SavedModel(architecture.toSpec(file), parameters, training.map(t -> t.toTraining(file)),
                training.flatMap(t -> t.toConfig(file)), checkpoint.map(c -> c.toCheckpoint(file)));
    }
}
