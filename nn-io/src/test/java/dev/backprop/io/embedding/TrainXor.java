package dev.backprop.io.embedding;
// doc:begin

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingSettings;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Learns XOR, predicts, saves the network to the file named by the first argument and loads it back. */
public final class TrainXor {

    public static void main(String[] args) {
        // doc:xor
        Path modelFile = Path.of(args.length > 0 ? args[0] : "xor.bpnn");
        Dataset xor = Dataset.of(
                new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},   // features, one row per example
                new float[][] {{0}, {1}, {1}, {0}});              // targets, one row per example
        Network network = Network.builder()                      // weights drawn with a seed
                .input(2)
                .dense(4, "sigmoid")                             // activations by plugin id
                .dense(1, "sigmoid")
                .seed(42)
                .build();

        PluginRegistry plugins = PluginRegistry.discovered();    // built-ins and plugin jars, by id
        Trainer trainer = new Trainer(
                TrainingSettings.builder().epochs(3000).batchSize(4).build(),
                plugins.loss("mse"),
                plugins.optimizer("sgd").withHyperparameters(Hyperparameters.of("learning_rate", 2.0)),
                List.of());                                       // listeners: none
        TrainingHistory history = trainer.fit(network, xor);     // one EpochReport per epoch

        float[] output = network.predict(new float[] {1, 0});    // ≈ [1.0]
        ModelFiles.save(network, modelFile);                     // atomic: never leaves half a file
        Network restored = ModelFiles.load(modelFile);
        // end:xor

        EpochReport last = history.epochs().get(history.epochs().size() - 1);
        System.out.printf("epoch %d of %d: loss %.4f, training accuracy %.2f (%d examples, %.4f s)%n",
                last.epoch(), last.epochs(), last.loss(), last.accuracy(), last.examples(), last.seconds());
        float[] both = restored.predict(new float[] {1, 0, 1, 1}, 2);  // two rows at once: ≈ [1, 0]
        System.out.println("XOR(1, 0) ≈ " + Arrays.toString(output) + "; XOR(1, 0), XOR(1, 1) ≈ "
                + Arrays.toString(both));
    }
}
