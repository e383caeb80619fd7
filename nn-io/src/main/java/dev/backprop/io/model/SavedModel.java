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
 */
record SavedModel(NetworkSpec spec, List<Parameter> parameters) {

    SavedModel {
        parameters = List.copyOf(parameters);
    }
}
