package dev.backprop.core.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each epoch at INFO and each batch at DEBUG, through SLF4J. */
public final class LoggingListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

    @Override
    public void onTrainingStart(TrainingConfig config, int examples) {
        LOG.info("training on {} examples: loss={} optimizer={} {} epochs={} batch={}", examples, config.loss(),
                config.optimizer(), config.optimizerHyperparameters(), config.epochs(), config.batchSize());
    }

    @Override
    public void onBatchEnd(BatchReport report) {
        if (LOG.isDebugEnabled()) {   // every run of the apps has this listener: no boxing per batch unless asked
            LOG.debug("epoch {} batch {}/{} loss={}", report.epoch(), report.batch(), report.batches(), report.loss());
        }
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        LOG.info("epoch {}/{} loss={} ({} ms)", report.epoch(), report.epochs(), String.format("%.6f", report.loss()),
                Math.round(report.seconds() * 1000));
    }
}
