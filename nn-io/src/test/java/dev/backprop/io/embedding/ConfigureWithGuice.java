package dev.backprop.io.embedding;
// doc:begin

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.inject.BackpropModule;
import dev.backprop.core.inject.TrainerModule;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;

/** A run described by a TrainingConfig, wired by Guice, with the application's own progress instead of logs. */
public final class ConfigureWithGuice {

    public static void main(String[] args) {
        System.out.println("final loss " + run().finalLoss());
    }

    static TrainingHistory run() {
        TrainingConfig config = TrainingConfig.builder()
                .loss("mse").optimizer("adam").learningRate(0.05)
                .epochs(200).batchSize(4).seed(1).threads(1)
                .schedule(LearningRateSchedule.cosine(0.0))             // prints as cosine(minimum_fraction=0.0)
                .build();
        TrainingConfig shorter = config.toBuilder().epochs(150).build(); // a copy with one value changed

        TrainingListener everyHundredthBatch = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchReport report) {
                if (report.epoch() % 100 == 0) {
                    System.out.printf("epoch %d, batch %d of %d: loss %.4f%n", report.epoch(), report.batch(),
                            report.batches(), report.loss());
                }
            }
        };
        Trainer trainer = Guice.createInjector(
                new BackpropModule(shorter).withoutLogging(),            // no LoggingListener: we show our own
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        TrainerModule.listeners(binder()).addBinding().toInstance(everyHundredthBatch);
                    }
                }).getInstance(Trainer.class);

        Network network = Network.builder().input(2).dense(8, "tanh").dense(1, "identity").seed(3).build();
        Dataset sum = Dataset.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new float[][] {{0}, {1}, {1}, {2}});
        return trainer.fit(network, sum);
    }
}
