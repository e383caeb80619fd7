package dev.backprop.io.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a saved run on the rules it was trained with when a plugin's default changed since. Model files
 * store only the settings that were set, so a file written before a default changed would otherwise
 * resume under the new default. Version 5 changed one: {@code nadam}'s momentum followed a constant
 * β₁ before (now {@code momentum_schedule=dozat}, PyTorch's and Keras's rule), so a version 1–4 file with
 * {@code nadam} and no {@code momentum_schedule} reads as {@code momentum_schedule=constant}. (nn-io knows
 * plugins only by id, so the id and the setting's name are spelled out here.)
 */
final class EarlierRules {

    /** The first format version written after nadam's default changed. */
    static final int NADAM_SCHEDULE_VERSION = 5;

    private EarlierRules() {
    }

    /** {@code settings} of {@code optimizer} as read from a file of {@code version}, with the rule it was saved under. */
    static Map<String, Object> keep(String optimizer, Map<String, Object> settings, int version) {
        if (version >= NADAM_SCHEDULE_VERSION || !"nadam".equals(optimizer)
                || settings.containsKey("momentum_schedule")) {
            return settings;
        }
        Map<String, Object> kept = new LinkedHashMap<>(settings);
        kept.put("momentum_schedule", "constant");
        return kept;
    }
}
