package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TestTrainers;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One gradient-descent step of a 2-2-2 sigmoid network with given weights, checked against values
 * worked out by hand from the seed's equations (z = Σ w·x + b, σ(z) = 1/(1+e^−z),
 * E = 1/n Σ (a − y)², w ← w − η ∂E/∂w). The numbers are those of Matt Mazur's well-known worked
 * example ("A Step by Step Backpropagation Example", 2015): with one example and two outputs the
 * seed's MSE averages over n = 2 squares, which is exactly his E = ½ Σ (target − out)².
 */
class HandCheckedStepTest {

    private static final double LEARNING_RATE = 0.5;

    @Test
    void oneSgdStep_on221SigmoidNetwork_matchesHandComputedWeights() {
        Network network = Network.builder().input(2).dense(2, "sigmoid").dense(2, "sigmoid").build();
        List<Parameter> p = network.parameters();
        // W[in][out] row-major. Hidden: h1 = σ(w1·i1 + w2·i2 + b1), h2 = σ(w3·i1 + w4·i2 + b1).
        set(p.get(0), 0.15f, 0.25f, 0.20f, 0.30f);   // [w1 w3; w2 w4]
        set(p.get(1), 0.35f, 0.35f);                 // b1, b1
        set(p.get(2), 0.40f, 0.50f, 0.45f, 0.55f);   // [w5 w7; w6 w8]
        set(p.get(3), 0.60f, 0.60f);                 // b2, b2
        Dataset example = Dataset.of(new float[][] {{0.05f, 0.10f}}, new float[][] {{0.01f, 0.99f}});

        Workspace workspace = network.newWorkspace(1);
        float[] out = network.forward(workspace, new float[] {0.05f, 0.10f}, 1);
        assertEquals(0.75136507, out[0], 1e-6, "out_o1 by hand");
        assertEquals(0.772928465, out[1], 1e-6, "out_o2 by hand");

        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd", Hyperparameters.of("learning_rate",
                LEARNING_RATE)).epochs(1).batchSize(1).shuffle(false).build();
        double loss = TestTrainers.of(config, PluginRegistry.discovered(), List.of()).fit(network, example).finalLoss();

        assertEquals(0.298371109, loss, 1e-6, "E_total before the step, by hand");
        // Output weights: w5+ = w5 − η·(out_o1 − t1)·out_o1(1 − out_o1)·out_h1, and so on.
        assertArrayEquals(new float[] {0.35891648f, 0.51130127f, 0.40866619f, 0.56137012f}, p.get(2).values(), 1e-6f);
        // Hidden weights: w1+ = w1 − η·(Σ_o δ_o·w_ho)·out_h1(1 − out_h1)·i1, and so on.
        assertArrayEquals(new float[] {0.14978072f, 0.24975114f, 0.19956143f, 0.29950229f}, p.get(0).values(), 1e-6f);
        // Biases follow the same rule with input 1: b2_o1+ = 0.6 − η·δ_o1, δ_o1 = 0.74136507·0.186815602.
        double deltaO1 = 0.74136507 * 0.186815602;
        double deltaO2 = (0.772928465 - 0.99) * 0.772928465 * (1 - 0.772928465);
        assertEquals(0.6 - LEARNING_RATE * deltaO1, p.get(3).values()[0], 1e-6);
        assertEquals(0.6 - LEARNING_RATE * deltaO2, p.get(3).values()[1], 1e-6);
    }

    private static void set(Parameter parameter, float... values) {
        System.arraycopy(values, 0, parameter.values(), 0, values.length);
    }
}
