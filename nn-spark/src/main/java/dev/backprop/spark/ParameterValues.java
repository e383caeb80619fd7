package dev.backprop.spark;

import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import java.util.List;

/**
 * Moves a network's parameters and optimizer states in and out of {@link Gradients}-shaped tensors (one
 * tensor per parameter, by name), which are serialisable, summable and scalable: how weights travel to
 * executors and how the averaging of {@code syncEvery > 1} adds them up.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** A copy of every parameter's values. */
    static Gradients capture(Network network) {
        Gradients values = Gradients.zerosLike(network.parameters());
        List<Parameter> parameters = network.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] source = parameters.get(i).values();
            System.arraycopy(source, 0, values.tensor(i), 0, source.length);
        }
        return values;
    }

    /** Writes {@code values} into the network's parameters (shapes checked by name first). */
    static void restore(Gradients values, Network network) {
        Gradients.zerosLike(network.parameters()).requireCompatible(values);
        List<Parameter> parameters = network.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] target = parameters.get(i).values();
            System.arraycopy(values.tensor(i), 0, target, 0, target.length);
        }
    }

    /** Slot {@code slot} of every parameter's optimizer state, as a copy. */
    static Gradients captureSlot(Network network, List<OptimizerState> states, int slot) {
        Gradients values = Gradients.zerosLike(network.parameters());
        for (int i = 0; i < states.size(); i++) {
            float[] source = states.get(i).slot(slot);
            System.arraycopy(source, 0, values.tensor(i), 0, source.length);
        }
        return values;
    }

    /** Writes {@code values} into slot {@code slot} of every parameter's optimizer state. */
    static void restoreSlot(Gradients values, List<OptimizerState> states, int slot) {
        for (int i = 0; i < states.size(); i++) {
            float[] target = states.get(i).slot(slot);
            System.arraycopy(values.tensor(i), 0, target, 0, target.length);
        }
    }
}
