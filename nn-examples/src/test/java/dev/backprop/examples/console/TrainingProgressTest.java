package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.inject.CliModule;
import dev.backprop.examples.inject.Trainers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static final TrainingConfig CONFIG = TrainingConfig.builder().optimizer("sgd").learningRate(0.1).epochs(20)
            .batchSize(100).build();

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void plain_classificationWithValidation_printsEveryFigure() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION, TrainingProgress.Display.PLAIN);
        progress.onTrainingStart(CONFIG, 59100);
        progress.onBatchEnd(new BatchReport(3, 1, 591, 100, 0.5));
        progress.onEpochEnd(new EpochReport(3, 20, 0.41234, 59100, 1.5, 0.1, 0.85123, 0.441, 0.842));

        assertEquals("epoch 3/20  loss=0.4123  acc=0.8512  val_loss=0.4410  val_acc=0.8420  1.50s  39400 samples/s"
                + System.lineSeparator(), text.toString());
    }

    @Test
    void plain_withoutValidation_leavesOutTheValidationFigures() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION, TrainingProgress.Display.PLAIN);
        progress.onEpochEnd(new EpochReport(1, 2, 0.5, 1000, 0.25, 0.1, 0.75, Double.NaN, Double.NaN));

        assertEquals("epoch 1/2  loss=0.5000  acc=0.7500  0.25s  4000 samples/s" + System.lineSeparator(), text.toString());
    }

    @Test
    void plain_regression_leavesOutAccuracyAndShowsSmallLossesWithFourSignificantDigits() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.REGRESSION, TrainingProgress.Display.PLAIN);
        progress.onEpochEnd(new EpochReport(7, 60, 0.000123456, 2000, 0.1, 0.01, 0.9, 0.0002, 0.8));

        assertEquals("epoch 7/60  loss=0.0001235  val_loss=0.0002000  0.10s  20000 samples/s" + System.lineSeparator(),
                text.toString());
    }

    @Test
    void plain_accuracyNotMeasured_isLeftOut() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION, TrainingProgress.Display.PLAIN);
        progress.onEpochEnd(new EpochReport(1, 1, 0.5, 10, 1, 0.1));

        assertEquals("epoch 1/1  loss=0.5000  1.00s  10 samples/s" + System.lineSeparator(), text.toString());
    }

    @Test
    void plain_validationLossThatIsNaN_printsAsNanRatherThanVanishing() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION, TrainingProgress.Display.PLAIN);
        progress.onEpochEnd(new EpochReport(1, 2, 0.5, 1000, 0.25, 0.1, 0.75, 0.6, 0.7));
        progress.onEpochEnd(new EpochReport(2, 2, 0.5, 1000, 0.25, 0.1, Double.NaN, Double.NaN, Double.NaN));

        String second = text.toString().split("\\R")[1];
        assertEquals("epoch 2/2  loss=0.5000  acc=nan  val_loss=nan  val_acc=nan  0.25s  4000 samples/s", second);
    }

    @Test
    void plain_infiniteFigures_printAsInf() {
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION, TrainingProgress.Display.PLAIN);
        progress.onEpochEnd(new EpochReport(1, 1, Double.POSITIVE_INFINITY, 10, 1, 0.1, 0.5,
                Double.NEGATIVE_INFINITY, 0.25));

        assertEquals("epoch 1/1  loss=inf  acc=0.5000  val_loss=-inf  val_acc=0.2500  1.00s  10 samples/s"
                + System.lineSeparator(), text.toString());
    }

    @Test
    void plain_runDeclaredWithValidation_showsItsFiguresFromTheFirstEpochEvenWhenNaN() {
        TrainingProgress progress = new TrainingProgress(new PrintWriter(text), ProblemKind.REGRESSION, true);
        progress.onEpochEnd(new EpochReport(1, 1, 0.5, 10, 1, 0.1, Double.NaN, Double.NaN, Double.NaN));

        assertTrue(text.toString().startsWith("epoch 1/1  loss=0.5000  val_loss=nan  "), text.toString());
    }

    @Test
    void loss_notFinite_isNanOrInf() {
        assertEquals("nan", TrainingProgress.loss(Double.NaN));
        assertEquals("inf", TrainingProgress.loss(Double.POSITIVE_INFINITY));
        assertEquals("-inf", TrainingProgress.loss(Double.NEGATIVE_INFINITY));
    }

    @Test
    void plain_realTraining_printsOneLinePerEpoch() {
        Dataset data = Dataset.of(new float[][] {{0}, {1}, {2}, {3}}, new float[][] {{0}, {2}, {4}, {6}});
        Network network = Network.builder().input(1).dense(1, "identity").build();
        TrainingConfig config = TrainingConfig.builder().optimizer("sgd").learningRate(0.01).epochs(3).batchSize(2)
                .build();
        Trainers trainers = Guice.createInjector(new CliModule()).getInstance(Trainers.class);
        TrainingHistory history = trainers.create(config,
                new TrainingProgress(out, ProblemKind.REGRESSION, TrainingProgress.Display.PLAIN)).fit(network, data);

        String[] lines = text.toString().split("\\R");
        assertEquals(3, lines.length, text.toString());
        for (int epoch = 1; epoch <= 3; epoch++) {
            String line = lines[epoch - 1];
            assertTrue(line.matches("epoch " + epoch + "/3  loss=\\d+\\.\\d{4,}  \\d+\\.\\d{2}s  (\\d+|-) samples/s"),
                    line);
            assertTrue(line.contains("loss=" + TrainingProgress.loss(history.epochs().get(epoch - 1).loss())), line);
        }
    }

    @Test
    void terminal_drawsOneBarPerEpochWithSamplesSpeedAndTheRunningLoss() {
        List<String> frames = new CopyOnWriteArrayList<>();
        TrainingProgress progress = new TrainingProgress(out, ProblemKind.CLASSIFICATION,
                TrainingProgress.Display.TERMINAL, () -> new DelegatingProgressBarConsumer(frames::add, 200));
        progress.onTrainingStart(CONFIG, 300);
        progress.onBatchEnd(new BatchReport(1, 1, 3, 100, 0.9));
        progress.onBatchEnd(new BatchReport(1, 2, 3, 100, 0.7));
        progress.onBatchEnd(new BatchReport(1, 3, 3, 100, 0.5));
        progress.onEpochEnd(new EpochReport(1, 20, 0.7, 300, 0.5, 0.1, 0.6, Double.NaN, Double.NaN));
        int firstEpochFrames = frames.size();
        progress.onBatchEnd(new BatchReport(2, 1, 3, 100, 0.4));
        progress.onBatchEnd(new BatchReport(2, 2, 3, 50, 0.1));
        progress.onTrainingEnd(null); // closes the unfinished bar, which draws its last state

        // A finished bar clears itself (an empty frame may follow the last drawn one): compare drawn frames.
        String last = lastDrawn(frames.subList(0, firstEpochFrames));
        assertTrue(last.startsWith("epoch 1/20 100%"), last);
        assertTrue(last.contains("300/300 samples"), last);
        assertTrue(last.matches(".* loss=0\\.7000  \\d+ samples/s"), "running mean of epoch 1: " + last);
        String second = lastDrawn(frames.subList(firstEpochFrames, frames.size()));
        assertTrue(second.startsWith("epoch 2/20  50%"), second);
        assertTrue(second.matches(".* loss=0\\.3000  \\d+ samples/s"), "running mean of epoch 2: " + second);
        assertEquals("epoch 1/20  loss=0.7000  acc=0.6000  0.50s  600 samples/s" + System.lineSeparator(),
                text.toString(), "the finished epoch's line stays below its cleared bar");
    }

    @Test
    void loss_hasFourDecimalsOrFourSignificantDigitsWhenSmaller() {
        assertEquals("0.4123", TrainingProgress.loss(0.41234));
        assertEquals("12.3457", TrainingProgress.loss(12.345678));
        assertEquals("0.0000", TrainingProgress.loss(0));
        assertEquals("0.00001000", TrainingProgress.loss(0.00001));
        assertEquals("nan", TrainingProgress.loss(Double.NaN));
    }

    private static String lastDrawn(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (!frames.get(i).isBlank()) {
                return frames.get(i);
            }
        }
        throw new AssertionError("no frame was drawn: " + frames);
    }
}
