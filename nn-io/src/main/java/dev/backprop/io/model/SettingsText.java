package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;

/** A plugin's saved settings as messages show them: nothing at all when there are none (never {@code {}}). */
final class SettingsText {

    private SettingsText() {
    }

    /** {@code " with settings {alpha=0.2}"}, or {@code ""} when {@code settings} is empty. */
    static String of(Hyperparameters settings) {
        return settings.isEmpty() ? "" : " with settings " + settings;
    }
}
