package dev.backprop.core.plugin;

import dev.backprop.api.Plugin;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the {@link ServiceLoader} providers of one plugin kind in one or more class loaders and
 * instantiates each provider class once, surviving every way a provider can fail: a services file that
 * names a missing class or cannot be read ({@link ServiceConfigurationError} from the iterator), a
 * class that does not link, a constructor or static initialiser that throws. Each failure becomes one
 * {@link PluginProblem} naming the provider (and its jar) where known and the root cause; the walk
 * goes on with the next provider. A loader whose iterator keeps failing the same way (an unreadable
 * jar) is left after the first failure instead of looping forever.
 */
final class ProviderScan<T extends Plugin> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderScan.class);

    /** A loader that fails this often in a row without yielding a provider is given up on. */
    static final int MAX_FAILURES_IN_A_ROW = 100;

    private final PluginKind kind;
    private final Class<T> type;
    private final Set<Class<?>> seen = new HashSet<>();
    private final List<T> found = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    ProviderScan(PluginKind kind, Class<T> type) {
        this.kind = kind;
        this.type = type;
    }

    /** Adds the providers {@code loader} sees that no earlier scan instantiated (or tried to). */
    ProviderScan<T> scan(ClassLoader loader) {
        Iterator<ServiceLoader.Provider<T>> providers;
        try {
            providers = ServiceLoader.load(type, loader).stream().iterator();
        } catch (ServiceConfigurationError e) {
            add(listingFailure(e, loader));
            return this;
        }
        String lastFailure = null;
        int failuresInARow = 0;
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!providers.hasNext()) {
                    return this;
                }
                provider = providers.next();
            } catch (Throwable e) {
                if (FailureCause.isFatal(e)) {
                    throw e;
                }
                String failure = String.valueOf(e) + " / " + FailureCause.root(e);
                if (failure.equals(lastFailure) || ++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    LOG.debug("Stopped looking for {} plugins in {}: its services files keep failing ({}).",
                            kind.word(), where(loader), FailureCause.describe(e));
                    return this;
                }
                lastFailure = failure;
                add(listingFailure(e, loader));
                continue;
            }
            lastFailure = null;
            failuresInARow = 0;
            instantiate(provider);
        }
    }

    /** The plugins instantiated so far, in discovery order. */
    List<T> found() {
        return found;
    }

    /** One entry per provider that failed, in discovery order. */
    List<PluginProblem> problems() {
        return problems;
    }

    private void instantiate(ServiceLoader.Provider<T> provider) {
        Class<?> providerType;
        try {
            providerType = provider.type();
        } catch (Throwable e) {
            if (FailureCause.isFatal(e)) {
                throw e;
            }
            add(message("a " + kind.word() + " provider", FailureCause.explain(e, "its class")));
            return;
        }
        if (!seen.add(providerType)) {
            return;   // a parent's provider, seen through a child loader, or a class tried once already
        }
        try {
            found.add(provider.get());
        } catch (Throwable e) {
            if (FailureCause.isFatal(e)) {
                throw e;
            }
            add(message(PluginOrigin.of(providerType).toString(), FailureCause.explain(e, "its constructor")));
        }
    }

    /** A failure of the services listing itself, before any provider class was known. */
    private PluginProblem listingFailure(Throwable e, ClassLoader loader) {
        String what = e instanceof ServiceConfigurationError ? stripService(e.getMessage()) : FailureCause.describe(e);
        Throwable root = FailureCause.root(e);
        String cause = root == e ? "" : " (" + FailureCause.describe(root) + ")";
        return problem("Skipped " + article() + " plugin that failed to load: " + what + cause + ", in "
                + where(loader) + ". Check META-INF/services/" + type.getName() + ": each line must name a public"
                + " class with a public no-argument constructor that implements it, in that jar or one it can see.");
    }

    private PluginProblem message(String provider, String cause) {
        return problem("Skipped " + article() + " plugin that failed to load: " + provider + ": " + cause
                + ". Fix that plugin or remove its jar; the other plugins still work.");
    }

    private PluginProblem problem(String message) {
        return new PluginProblem(kind, message);
    }

    /**
     * Adds {@code problem} unless the same one is already there (a parent's broken entry seen again); logged
     * at DEBUG only, as the registry warns once about all of them.
     */
    private void add(PluginProblem problem) {
        if (!problems.contains(problem)) {
            LOG.debug(problem.message());
            problems.add(problem);
        }
    }

    /** {@code "Provider x not found"} from {@code "dev.backprop.api.activation.Activation: Provider x not found"}. */
    private String stripService(String message) {
        String prefix = type.getName() + ": ";
        String text = message == null ? "(no message)" : message.replaceAll("\\s+", " ").trim();
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private String article() {
        return ("aeiou".indexOf(kind.word().charAt(0)) >= 0 ? "an " : "a ") + kind.word();
    }

    /** The jars of a jar loader, else the loader's name or class, for messages. */
    static String where(ClassLoader loader) {
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            return urls.getURLs().length == 1 ? urls.getURLs()[0].toString() : Arrays.toString(urls.getURLs());
        }
        if (loader == null) {
            return "the boot class path";
        }
        return loader.getName() != null ? "class loader '" + loader.getName() + "'" : "the class path";
    }
}
