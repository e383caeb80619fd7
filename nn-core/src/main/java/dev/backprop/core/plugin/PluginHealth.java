package dev.backprop.core.plugin;

import dev.backprop.api.Plugin;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls what every caller of a plugin relies on ({@code id()}, {@code hyperparameters()},
 * {@code settings()}) once, at discovery, so that a plugin whose own code throws or returns null is
 * reported and left out instead of failing later in a lookup or in {@code ./backprop plugins}.
 */
final class PluginHealth {

    private PluginHealth() {
    }

    /** What is wrong with {@code plugin} ({@code "its id() returned null"}), or empty when nothing is. */
    static Optional<String> problem(Plugin plugin) {
        return check("its id()", plugin::id)
                .or(() -> check("its hyperparameters()", plugin::hyperparameters))
                .or(() -> check("its settings()", plugin::settings));
    }

    private static Optional<String> check(String call, Supplier<?> method) {
        try {
            return method.get() == null ? Optional.of(call + " returned null") : Optional.empty();
        } catch (Throwable e) {
            if (FailureCause.isFatal(e)) {
                throw e;
            }
            return Optional.of(FailureCause.explain(e, call));
        }
    }
}
