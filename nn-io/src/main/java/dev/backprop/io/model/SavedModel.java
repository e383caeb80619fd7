package dev.backprop.io.model;

import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.util.List;
import java.util.Optional;

/**
 * The content of a model file whose checksum has been verified: the architecture and the saved
 * parameter tensors, not yet matched against a network.
 *
 * @param spec       the architecture
 * @param parameters the saved tensors in file order (their {@code values} are fresh arrays)
 * @param training   the loss and optimizer saved with the model, if any (format version 2 on)
 * @param config     the whole training configuration (format version 3 on), if saved
 * @param checkpoint the state to resume training from (format version 3 on), if saved
 */
record SavedModel(NetworkSpec spec, List<Parameter> parameters, Optional<SavedTraining> training,
                  Optional<TrainingConfig> config, Optional<TrainingCheckpoint> checkpoint) {

    SavedModel {
        parameters = List.copyOf(parameters);
    }
}
