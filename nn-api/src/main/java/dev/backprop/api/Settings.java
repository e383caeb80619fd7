package dev.backprop.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings of one plugin, declared once in the order users read them. From the declaration come
 * the defaults, the checks of requested values (unknown name, wrong kind, out of range, bad choice:
 * each message names the plugin, the setting, the value, what is accepted and the default), the
 * rebuilt plugin, and the description {@code ./backprop plugins} prints.
 *
 * <pre>{@code
 * private static final Settings SETTINGS = Settings.of(ID,
 *         Setting.number("beta", 1.0, "slope inside the sigmoid").above(0));
 *
 * public Swish withHyperparameters(Hyperparameters requested) {
 *     return SETTINGS.apply(this, requested, Swish::new);   // Swish(Hyperparameters), see ConfiguredPlugin
 * }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Settings {

    private final PluginId pluginId;
    private final Map<String, Setting> byName;
    private final Hyperparameters defaults;
    private final boolean declared;

    private Settings(PluginId pluginId, List<Setting> settings, boolean declared) {
        this.pluginId = pluginId;
        Map<String, Setting> map = new LinkedHashMap<>();
        Map<String, Object> defaultValues = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (map.put(setting.name(), setting) != null) {
                throw new InvalidPluginException("Plugin '" + pluginId + "' declares the setting '" + setting.name()
                        + "' twice: declare each setting once.");
            }
            defaultValues.put(setting.name(), setting.defaultValue());
        }
        this.byName = Collections.unmodifiableMap(map);
        this.defaults = Hyperparameters.of(defaultValues);
        this.declared = declared;
    }

    /**
     * The settings of plugin {@code pluginId}, in the order given.
     *
     * @throws InvalidPluginException if two settings share a name
     */
    public static Settings of(PluginId pluginId, Setting... settings) {
        return of(pluginId, List.of(settings));
    }

    /**
     * The settings of plugin {@code pluginId}, in the order given.
     *
     * @throws InvalidPluginException if two settings share a name
     */
    public static Settings of(PluginId pluginId, List<Setting> settings) {
        return new Settings(pluginId, List.copyOf(settings), true);
    }

    /**
     * The description of a plugin that declares no settings: each value it reports, as its default,
     * accepted in any amount of its kind, without help.
     */
    static Settings undeclared(PluginId pluginId, Hyperparameters current) {
        List<Setting> settings = new ArrayList<>();
        current.asMap().forEach((name, value) -> settings.add(Setting.undeclared(name, value)));
        return new Settings(pluginId, settings, false);
    }

    /** The plugin these settings belong to. */
    public PluginId pluginId() {
        return pluginId;
    }

    /** Every setting, in declared order. */
    public List<Setting> list() {
        return List.copyOf(byName.values());
    }

    /** The names, in declared order. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The setting called {@code name}, if declared. */
    public Optional<Setting> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * False when the plugin declared nothing and these settings were derived from the values it reports
     * (no ranges, no help).
     */
    public boolean isDeclared() {
        return declared;
    }

    /** Every setting at its default. */
    public Hyperparameters defaults() {
        return defaults;
    }

    /**
     * The requested values checked and as they are stored (a switch given as 1 or 0 becomes true or
     * false), without defaults added.
     *
     * @throws InvalidHyperparameterException on an unknown name, a value of the wrong kind, out of range
     *                                        or not among the choices
     */
    public Hyperparameters check(Hyperparameters requested) {
        Map<String, Object> checked = new LinkedHashMap<>();
        requested.asMap().forEach((name, value) -> {
            Setting setting = byName.get(name);
            if (setting == null) {
                throw SettingMessages.unknownName(pluginId, name, byName.keySet());
            }
            checked.put(name, setting.accept(pluginId, value));
        });
        return Hyperparameters.of(checked);
    }

    /**
     * The defaults with {@code values} checked and applied on top: every setting present.
     *
     * @throws InvalidHyperparameterException as {@link #check}
     */
    public Hyperparameters validate(Hyperparameters values) {
        return defaults.withAll(check(values));
    }

    /**
     * {@code current} with {@code requested} applied: {@code current} itself when nothing changes,
     * otherwise {@code rebuild} of the complete, checked values.
     *
     * @param current   the plugin as it is; its {@link Plugin#hyperparameters()} hold every setting
     * @param requested the values to change; unnamed settings keep their current values
     * @param rebuild   makes the plugin from complete, checked values (usually a constructor)
     * @throws InvalidHyperparameterException as {@link #check}
     */
    public <P extends Plugin> P apply(P current, Hyperparameters requested,
                                      Function<? super Hyperparameters, ? extends P> rebuild) {
        Hyperparameters now = current.hyperparameters();
        Hyperparameters changed = now.withAll(check(requested));
        return changed.equals(now) ? current : rebuild.apply(changed);
    }

    /**
     * {@code plugin} itself when {@code requested} changes none of its values: what a plugin that cannot
     * rebuild itself does (the default {@code withHyperparameters} of every plugin kind).
     *
     * @throws InvalidHyperparameterException as {@link #check}, or if a value would change
     */
    public <P extends Plugin> P requireUnchanged(P plugin, Hyperparameters requested) {
        Hyperparameters now = plugin.hyperparameters();
        if (now.withAll(check(requested)).equals(now)) {
            return plugin;
        }
        throw SettingMessages.cannotChange(plugin, requested);
    }

    /** {@code id[setting, ...]}. */
    @Override
    public String toString() {
        return pluginId + byName.values().toString();
    }
}
