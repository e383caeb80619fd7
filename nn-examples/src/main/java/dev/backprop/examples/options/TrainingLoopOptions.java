package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a training command loops over its data: {@code --epochs}, {@code --batch}, {@code --seed} and
 * {@code --threads}. Each command gives the defaults.
 */
public final class TrainingLoopOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data.")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per gradient step.")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights, the shuffling, dropout and any split of the data.")
    Long seed;

    @Option(names = "--threads", split = ",", paramLabel = "N",
            description = "Threads per training step; results do not depend on it. bench takes a comma list such as"
                    + " 1,2 and runs once per count.")
    List<Integer> threads;

    /** Passes over the data. */
    public int epochs() {
        return epochs;
    }

    /** Examples per step. */
    public int batch() {
        return batch;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /**
     * The one thread count of a training run.
     *
     * @throws InvalidConfigurationException if several counts, or a count below 1, were given
     */
    public int threads() {
        List<Integer> counts = threadCounts();
        if (counts.size() != 1) {
            throw new InvalidConfigurationException("--threads takes one count here but was given " + threads
                    + ": give a single number such as --threads 2 (only bench runs once per count of a list).");
        }
        return counts.get(0);
    }

    /**
     * Every thread count given, in order.
     *
     * @throws InvalidConfigurationException if a count is below 1
     */
    public List<Integer> threadCounts() {
        for (int count : threads) {
            if (count < 1) {
                throw new InvalidConfigurationException("--threads must list counts of at least 1 but was given "
                        + threads + ": use 1 for one thread, or a list such as 1,2.");
            }
        }
        return List.copyOf(threads);
    }
}
