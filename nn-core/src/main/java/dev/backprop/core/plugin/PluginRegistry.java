package dev.backprop.core.plugin;

import dev.backprop.api.BackpropException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidPluginException;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.init.WeightInitializer;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds activations, losses, optimizers and weight initialisers by id.
 *
 * <p>{@link #discovered()} looks them up once with {@link ServiceLoader} (lazily, cached: the only
 * static cache in Backprop); {@link #of} builds a registry from instances without discovery, for
 * tests and embedders; {@link #discover(ClassLoader)} looks in a given class loader, for plugin
 * folders.
 *
 * <p>Discovery never stops at the first problem, and one broken plugin never takes the others down:
 * a provider that fails to load (a services file naming a missing class, an unreadable jar, a
 * constructor or static initialiser that throws, a missing dependency) and a plugin whose {@code id()},
 * {@code hyperparameters()} or {@code settings()} throws or returns null are each left out and reported
 * as one entry of {@link #problems()} naming the class and its jar where known and the root cause; a
 * third-party plugin claiming a bare id is refused;
 * an id provided twice is reported and becomes an error only when that id is asked for. Asking for an
 * unknown id raises an {@link dev.backprop.api.UnknownPluginException} that lists the available ids,
 * the closest one and how to add a plugin jar. Immutable and thread-safe.
 *
 * <p>Each registry that met problems logs them once, as one warning that counts them and gives every
 * message (each is also logged at DEBUG as it is met), so a program without a console of its own still
 * learns of a broken plugin, and one that shows {@link #problems()} itself (such as
 * {@code ./backprop plugins}) does not see each problem logged again beside its list.
 */
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final PluginCatalog<Activation> activations;
    private final PluginCatalog<Loss> losses;
    private final PluginCatalog<Optimizer> optimizers;
    private final PluginCatalog<WeightInitializer> initializers;

    private PluginRegistry(PluginCatalog<Activation> activations, PluginCatalog<Loss> losses,
                           PluginCatalog<Optimizer> optimizers, PluginCatalog<WeightInitializer> initializers) {
        this.activations = activations;
        this.losses = losses;
        this.optimizers = optimizers;
        this.initializers = initializers;
        warnOnce(problems());
    }

    /** One warning for all of {@code problems}: how many, and each message. */
    private static void warnOnce(List<PluginProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            text.append(' ').append(i + 1).append(". ").append(problems.get(i).message());
        }
        LOG.warn("Plugin discovery met {} problem{} (each plugin concerned is left out, the others work;"
                + " PluginRegistry.problems() lists them):{}", problems.size(), problems.size() == 1 ? "" : "s", text);
    }

    /** The plugins visible to Backprop's own class loader, discovered on first use and cached. */
    public static PluginRegistry discovered() {
        return DiscoveredHolder.INSTANCE;
    }

    /** Discovers the plugins visible to {@code loader} (not cached). */
    public static PluginRegistry discover(ClassLoader loader) {
        return new PluginRegistry(
                load(PluginKind.ACTIVATION, Activation.class, loader),
                load(PluginKind.LOSS, Loss.class, loader),
                load(PluginKind.OPTIMIZER, Optimizer.class, loader),
                load(PluginKind.INITIALIZER, WeightInitializer.class, loader));
    }

    /**
     * Discovers the plugins visible to {@code base} plus, for each of {@code pluginLoaders} (say one
     * per plugin jar, each a child of {@code base}), the plugins that loader itself defines. Each jar
     * keeps its own class name space, and the built-ins that every child sees through its parent are
     * found once (not cached).
     */
    public static PluginRegistry discover(ClassLoader base, List<? extends ClassLoader> pluginLoaders) {
        return new PluginRegistry(
                load(PluginKind.ACTIVATION, Activation.class, base, pluginLoaders),
                load(PluginKind.LOSS, Loss.class, base, pluginLoaders),
                load(PluginKind.OPTIMIZER, Optimizer.class, base, pluginLoaders),
                load(PluginKind.INITIALIZER, WeightInitializer.class, base, pluginLoaders));
    }

    /**
     * A registry of exactly these activations, losses and optimizers, without discovery, plus core's
     * built-in weight initialisers (every network needs one).
     */
    public static PluginRegistry of(Collection<? extends Activation> activations, Collection<? extends Loss> losses,
                                    Collection<? extends Optimizer> optimizers) {
        return of(activations, losses, optimizers, BuiltInInitializers.all());
    }

    /** A registry of exactly these instances, without discovery. */
    public static PluginRegistry of(Collection<? extends Activation> activations, Collection<? extends Loss> losses,
                                    Collection<? extends Optimizer> optimizers,
                                    Collection<? extends WeightInitializer> initializers) {
        return new PluginRegistry(
                PluginCatalog.collect(PluginKind.ACTIVATION, activations, List.of()),
                PluginCatalog.collect(PluginKind.LOSS, losses, List.of()),
                PluginCatalog.collect(PluginKind.OPTIMIZER, optimizers, List.of()),
                PluginCatalog.collect(PluginKind.INITIALIZER, initializers, List.of()));
    }

    /** The activation {@code id} with {@code hyperparameters} applied on top of its defaults. */
    public Activation activation(PluginId id, Hyperparameters hyperparameters) {
        return configure(PluginKind.ACTIVATION, activations.get(id), plugin -> plugin.withHyperparameters(hyperparameters));
    }

    /** The activation {@code id} with its default settings. */
    public Activation activation(String id) {
        return activation(PluginId.of(id), Hyperparameters.none());
    }

    /** The loss {@code id} with {@code hyperparameters} applied on top of its defaults. */
    public Loss loss(PluginId id, Hyperparameters hyperparameters) {
        return configure(PluginKind.LOSS, losses.get(id), plugin -> plugin.withHyperparameters(hyperparameters));
    }

    /** The loss {@code id} with its default settings. */
    public Loss loss(String id) {
        return loss(PluginId.of(id), Hyperparameters.none());
    }

    /** The optimizer {@code id} with {@code hyperparameters} applied on top of its defaults. */
    public Optimizer optimizer(PluginId id, Hyperparameters hyperparameters) {
        return configure(PluginKind.OPTIMIZER, optimizers.get(id), plugin -> plugin.withHyperparameters(hyperparameters));
    }

    /** The optimizer {@code id} with its default settings. */
    public Optimizer optimizer(String id) {
        return optimizer(PluginId.of(id), Hyperparameters.none());
    }

    /** The weight initialiser {@code id} with {@code hyperparameters} applied on top of its defaults. */
    public WeightInitializer initializer(PluginId id, Hyperparameters hyperparameters) {
        return configure(PluginKind.INITIALIZER, initializers.get(id), plugin -> plugin.withHyperparameters(hyperparameters));
    }

    /** The weight initialiser {@code id} with its default settings. */
    public WeightInitializer initializer(String id) {
        return initializer(PluginId.of(id), Hyperparameters.none());
    }

    /** The usable ids of {@code kind}, sorted. */
    public SortedSet<PluginId> ids(PluginKind kind) {
        return catalog(kind).ids();
    }

    /** The usable plugins of {@code kind} (default settings), by id. */
    public SortedMap<PluginId, ? extends Plugin> plugins(PluginKind kind) {
        return catalog(kind).plugins();
    }

    /** Everything that went wrong during discovery, by kind. */
    public List<PluginProblem> problems() {
        List<PluginProblem> all = new ArrayList<>(activations.problems());
        all.addAll(losses.problems());
        all.addAll(optimizers.problems());
        all.addAll(initializers.problems());
        return List.copyOf(all);
    }

    /**
     * The message for an unknown id of {@code kind} when the caller also offers ids of its own (core's
     * row-wise softmax, for example): available ids, the closest one and how to add a plugin.
     */
    public String unknownIdMessage(PluginKind kind, PluginId id, Collection<PluginId> extraIds) {
        SortedSet<PluginId> available = catalog(kind).ids();
        available.addAll(extraIds);
        return PluginCatalog.unknownIdMessage(kind, id, available, catalog(kind).problems());
    }

    /**
     * {@code plugin} with its settings applied by {@code configure}. Plugin code that fails other than by
     * refusing a setting (a {@link BackpropException}) or returns null is reported as an
     * {@link InvalidPluginException} naming the plugin, its jar and the root cause.
     */
    private static <T extends Plugin> T configure(PluginKind kind, T plugin, UnaryOperator<T> configure) {
        T configured;
        try {
            configured = configure.apply(plugin);
        } catch (BackpropException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new InvalidPluginException(brokenSettings(kind, plugin, FailureCause.explain(e,
                    "its withHyperparameters(...)")), e);
        }
        if (configured == null) {
            throw new InvalidPluginException(brokenSettings(kind, plugin, "its withHyperparameters(...) returned null"));
        }
        return configured;
    }

    private static String brokenSettings(PluginKind kind, Plugin plugin, String cause) {
        return "The " + kind.word() + " '" + plugin.id() + "', " + PluginOrigin.of(plugin.getClass()) + ", failed to"
                + " apply its settings: " + cause + ". Fix that plugin or choose another " + kind.word() + ".";
    }

    private PluginCatalog<?> catalog(PluginKind kind) {
        switch (kind) {
            case ACTIVATION:
                return activations;
            case LOSS:
                return losses;
            case OPTIMIZER:
                return optimizers;
            default:
                return initializers;
        }
    }

    private static <T extends Plugin> PluginCatalog<T> load(PluginKind kind, Class<T> type, ClassLoader loader) {
        return load(kind, type, loader, List.of());
    }

    /**
     * The providers {@code base} sees, then those each of {@code pluginLoaders} adds (a child loader also
     * lists every provider its parents see; each class is instantiated once), with one problem per failure.
     */
    private static <T extends Plugin> PluginCatalog<T> load(PluginKind kind, Class<T> type, ClassLoader base,
                                                            List<? extends ClassLoader> pluginLoaders) {
        ProviderScan<T> scan = new ProviderScan<>(kind, type).scan(base);
        for (ClassLoader pluginLoader : pluginLoaders) {
            scan.scan(pluginLoader);
        }
        return PluginCatalog.collect(kind, scan.found(), scan.problems());
    }

    /** Holder idiom: discovery runs on first use, once. The one static cache in Backprop. */
    private static final class DiscoveredHolder {
        private static final PluginRegistry INSTANCE = discover(PluginRegistry.class.getClassLoader());
    }
}
