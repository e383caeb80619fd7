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
 */
record SavedModel(NetworkSpec spec, List<Parameter> parameters, java.util.Optional<SavedTraining> training) {

    SavedModel {
        parameters = List.copyOf(parameters);
    }
}
