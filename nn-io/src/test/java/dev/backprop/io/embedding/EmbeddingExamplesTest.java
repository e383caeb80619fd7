package dev.backprop.io.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete programs of docs/embedding.md run and do what the text says they do. */
class EmbeddingExamplesTest {

    /** The checkout's fashion-mnist-small folder (the tests run in the module's folder). */
    private static final Path FASHION = Path.of("..", "data", "fashion-mnist-small");

    @Test
    void trainXor_learnsXor_andSavesTheNetwork(@TempDir Path folder) {
        TrainXor.main(new String[] {folder.resolve("xor.bpnn").toString()});

        Network saved = ModelFiles.load(folder.resolve("xor.bpnn"));
        float[] outputs = saved.predict(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4);
        assertTrue(outputs[0] < 0.1f && outputs[1] > 0.9f && outputs[2] > 0.9f && outputs[3] < 0.1f,
                java.util.Arrays.toString(outputs));
    }

    @Test
    void stopAndResume_stopsDuringTheSecondEpoch_andTheResumedRunTrainsToSixEpochs(@TempDir Path folder)
            throws InterruptedException {
        Path model = folder.resolve("run.bpnn");

        TrainingHistory history = StopAndResume.run(FASHION, model);

        assertEquals(6, history.epochs().size(), history.epochs().toString());
        for (int e = 0; e < 6; e++) {
            assertEquals(e + 1, history.epochs().get(e).epoch());
        }
        EpochReport last = history.epochs().get(5);
        assertTrue(last.validationAccuracy() > 0.6, last.toString());
        assertEquals(6, ModelFiles.checkpoint(model).orElseThrow().completedEpochs(), "the last checkpoint");
        assertEquals(history.epochs().get(0), withoutSeconds(history.epochs().get(0)), "epoch 1 came from the file");
        assertTrue(history.epochs().get(1).seconds() > 0, "epoch 2 was finished after the resume, and timed");

        String report = EvaluateClassifier.report(FASHION, model);
        assertTrue(report.startsWith("accuracy 0."), report);
        assertTrue(report.contains("0 T-shirt/top"), report);
        assertTrue(report.contains("confusion matrix (rows: actual class, columns: predicted class)"), report);
    }

    private static EpochReport withoutSeconds(EpochReport report) {
        return new EpochReport(report.epoch(), report.epochs(), report.loss(), report.examples(), 0,
                report.learningRate(), report.accuracy(), report.validationLoss(), report.validationAccuracy());
    }

    @Test
    void configureWithGuice_trainsTheShorterRun() {
        TrainingHistory history = ConfigureWithGuice.run();

        assertEquals(150, history.epochs().size());
        assertTrue(history.finalLoss() < 0.01, "learns a + b: " + history.finalLoss());
    }
}
