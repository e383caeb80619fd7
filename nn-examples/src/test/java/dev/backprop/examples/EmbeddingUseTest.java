package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.TrainingStep;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingSettings;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.data.Split;
import dev.backprop.io.model.Checkpointer;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.io.model.ResumableRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as an embedder uses it, with the examples app's class path: train, predict, save and load; validation,
 * checkpoints and resume; one training step with PyTorch weights. (The snippets in README.md and docs/embedding.md
 * are checked word for word by DocSnippetsTest in nn-io.)
 */
class EmbeddingUseTest {

    @Test
    void trainsPredictsSavesAndLoads(@TempDir Path folder) {
        Dataset xor = Dataset.of(
                new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new float[][] {{0}, {1}, {1}, {0}});

        Network network = Network.builder()                       // weights drawn with a seed
                .input(2)
                .dense(4, "sigmoid")                              // activation by plugin id
                .dense(1, "sigmoid")
                .seed(42)
                .build();

        PluginRegistry plugins = PluginRegistry.discovered();    // built-ins and plugin jars, by id
        Trainer trainer = new Trainer(
                TrainingSettings.builder().epochs(3000).batchSize(4).build(),
                plugins.loss("mse"),
                plugins.optimizer("sgd").withHyperparameters(Hyperparameters.of("learning_rate", 2.0)),
                List.of(new LoggingListener()));
        TrainingHistory history = trainer.fit(network, xor);     // loss per epoch

        float[] output = network.predict(new float[] {1, 0});     // ≈ [1.0]
        ModelFiles.save(network, folder.resolve("xor.bpnn"));    // atomic: never leaves half a file
        Network restored = ModelFiles.load(folder.resolve("xor.bpnn"));

        assertEquals(3000, history.epochs().size());
        assertTrue(output[0] > 0.9f, "XOR(1, 0) ≈ 1, was " + output[0]);
        assertArrayEquals(output, restored.predict(new float[] {1, 0}));
    }

    @Test
    void trainsWithValidationAndResumes(@TempDir Path folder) {
        Path home = Path.of(System.getProperty("backprop.home", "..")).toAbsolutePath().normalize();
        MnistData data = MnistFolder.load(home.resolve("data/fashion-mnist-small"));
        Split split = Split.shuffled(data.train().size(), 0.1, 42);              // seeded: same split every time
        Dataset train = data.train().select(split.train());
        Dataset validation = data.train().select(split.validation());
        Network classifier = Network.builder().input(784).dense(128, "relu").dense(10, "softmax").build();
        PluginRegistry plugins = PluginRegistry.discovered();
        Loss crossEntropy = plugins.loss("categorical_cross_entropy");
        Optimizer adam = plugins.optimizer("adam");                              // learning_rate 0.001 by default
        TrainingSettings fourEpochs = TrainingSettings.builder().epochs(4).batchSize(128).build();
        TrainingHistory first = new Trainer(fourEpochs, crossEntropy, adam,
                        List.of(new Checkpointer(folder.resolve("run.bpnn"), 1)))
                .fit(classifier, train, validation);                             // EpochReport.validationAccuracy()

        ResumableRun run = ModelFiles.loadCheckpoint(folder.resolve("run.bpnn"), plugins);   // in a later process
        TrainingSettings sixEpochs = run.config().settings().toBuilder().epochs(6).build();
        TrainingHistory whole = new Trainer(sixEpochs, crossEntropy, adam, List.of())
                .resume(run.network(), train, validation, run.checkpoint());

        assertEquals(600, validation.size());
        assertTrue(first.epochs().get(3).validationAccuracy() > 0.7, first.epochs().toString());
        assertEquals(6, whole.epochs().size());
        assertEquals(withoutTiming(first.epochs().get(3)), whole.epochs().get(3),
                "the resumed history starts with the saved epochs (model files keep no timings)");
        assertTrue(whole.epochs().get(5).validationAccuracy() > 0.7, whole.epochs().toString());
    }

    @Test
    void loadsPyTorchWeightsAndSteps() {
        Network network = Network.builder().input(3).dense(2, "tanh").dense(1, "identity").seed(1).build();
        PluginRegistry plugins = PluginRegistry.discovered();
        float[][] torchWeights = {{0.1f, -0.2f, 0.3f}, {0.4f, 0.5f, -0.6f}};       // nn.Linear(3, 2).weight
        float[] inputs = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
        float[] targets = {1, -1, 0.5f, 0};

        network.parameter("dense_1.weight").write(torchWeights, Parameter.Orientation.OUT_BY_IN);
        try (TrainingStep step = TrainingStep.builder(network, plugins.loss("mse"), plugins.optimizer("adam"))
                .capacity(4).build()) {
            double loss = step.step(inputs, targets, 4);                        // forward, backward, update
            Gradients g = step.gradients(inputs, targets, 4).copy();            // or in two halves, for a cluster:
            step.apply(g);                                                      // clip, then one optimizer update

            assertTrue(loss > 0 && Double.isFinite(loss), "loss " + loss);
            assertEquals(2, step.optimizerStates().get(0).step(), "two updates");
        }
        assertEquals(0.4f, network.parameter("dense_1.weight").read(Parameter.Orientation.IN_BY_OUT)[0][1], 0.01f,
                "[out][in] read back as [in][out], moved by two small Adam steps");
    }

    /** The report as a model file keeps it: every figure but the wall-clock seconds (written as 0). */
    private static EpochReport withoutTiming(EpochReport report) {
        return new EpochReport(report.epoch(), report.epochs(), report.loss(), report.examples(), 0,
                report.learningRate(), report.accuracy(), report.validationLoss(), report.validationAccuracy());
    }
}
