package dev.backprop.io.model;

import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import java.util.List;

/**
 * The content of a model file whose checksum has been verified: the architecture and the saved
 * parameter tensors, not yet matched against a network.
 *
 * @param spec       the architecture
 * @param parameters the saved tensors in file order (their {@code values} are fresh arrays)
 * @param training   the loss and optimizer saved with the model, if any
 * @param config     the whole training configuration (format version 3 on), if saved
 * @param checkpoint the state to resume training from (format version 3 on), if saved
 */
record SavedModel(NetworkSpec spec, List<Parameter> parameters, java.util.Optional<SavedTraining> training,
                  java.util.Optional<dev.backprop.core.train.TrainingConfig> config,
                  java.util.Optional<dev.backprop.core.train.TrainingCheckpoint> checkpoint) {

    SavedModel {
        parameters = List.copyOf(parameters);
    }
}
