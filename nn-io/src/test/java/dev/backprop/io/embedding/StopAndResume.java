package dev.backprop.io.embedding;
// doc:begin

import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.data.Split;
import dev.backprop.io.model.Checkpointer;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.io.model.ResumableRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trains on an MNIST-format folder with a validation split and a checkpoint file, presses Stop from
 * another thread during the second epoch, then resumes from the checkpoint and trains two epochs more.
 */
public final class StopAndResume {

    /** A Stop button: press() from any thread (a UI, a Ctrl-C hook); the trainer asks after every batch. */
    static final class StopButton implements TrainingListener {
        private final AtomicBoolean pressed = new AtomicBoolean();

        void press() {
            pressed.set(true);
        }

        @Override
        public boolean stopRequested() {
            return pressed.get();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(Path.of(args[0]), Path.of(args[1]));
    }

    /** Trains on the MNIST folder {@code data}, checkpointing to {@code modelFile}; returns the whole history. */
    static TrainingHistory run(Path data, Path modelFile) throws InterruptedException {
        MnistData mnist = MnistFolder.load(data, 1000);                 // the first 1000 training images
        Split split = Split.shuffled(mnist.train().size(), 0.1, 42);    // seeded: same split every time
        Dataset train = mnist.train().select(split.train());
        Dataset validation = mnist.train().select(split.validation());
        Network network = Network.builder().input(784).dense(64, "relu").dense(10, "softmax").seed(7).build();
        TrainingConfig config = TrainingConfig.builder()
                .loss("categorical_cross_entropy").optimizer("adam").learningRate(0.002)
                .epochs(4).batchSize(32).seed(42).threads(2).build();

        PluginRegistry plugins = PluginRegistry.discovered();
        Loss loss = plugins.loss(config.loss(), config.lossHyperparameters());
        Optimizer optimizer = plugins.optimizer(config.optimizer(), config.optimizerHyperparameters());
        StopButton stop = new StopButton();
        CountDownLatch secondEpochBegun = new CountDownLatch(1);
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchReport report) {
                if (report.epoch() == 2) {
                    secondEpochBegun.countDown();
                }
            }

            @Override
            public void onEpochEnd(EpochReport report) {
                System.out.printf("epoch %d: loss %.4f, validation accuracy %.3f%n", report.epoch(), report.loss(),
                        report.validationAccuracy());
            }
        };
        Trainer trainer = new Trainer(config.settings(), loss, optimizer,
                List.of(progress, new Checkpointer(modelFile, 1), stop));   // a checkpoint every epoch, and at a stop
        CompletableFuture<TrainingHistory> training = CompletableFuture.supplyAsync(
                () -> trainer.fit(network, train, validation));
        secondEpochBegun.await();
        stop.press();                                          // the batch in progress finishes, then it stops
        training.join();

        ResumableRun run = ModelFiles.loadCheckpoint(modelFile, plugins);    // in a later process, say
        System.out.println("resuming " + run.checkpoint().position());       // "after batch 5 of epoch 2"
        TrainingConfig longer = run.config().toBuilder().epochs(6).build();  // train two epochs more
        Trainer resumed = new Trainer(longer.settings(), loss, optimizer,
                List.of(progress, new Checkpointer(modelFile, 1)));
        return resumed.resume(run.network(), train, validation, run.checkpoint());
    }
}
