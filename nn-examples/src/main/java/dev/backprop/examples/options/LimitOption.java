package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** {@code --limit}: train on the first N training examples only. */
public final class LimitOption {

    @Option(names = "--limit", paramLabel = "N",
            description = "Use only the first N training examples, for quick checks (the test set stays whole).")
    Integer limit;

    /**
     * The limit, if given.
     *
     * @throws InvalidConfigurationException if it is below 1
     */
    public OptionalInt limit() {
        if (limit == null) {
            return OptionalInt.empty();
        }
        if (limit < 1) {
            throw new InvalidConfigurationException("--limit must be at least 1 but was " + limit
                    + ": give the number of training examples to use, or leave --limit out for all of them.");
        }
        return OptionalInt.of(limit);
    }
}
