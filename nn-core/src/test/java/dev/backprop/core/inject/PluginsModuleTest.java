package dev.backprop.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provider;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PluginsModuleTest {

    private final PluginRegistry empty = PluginRegistry.of(List.of(), List.of(), List.of());

    @Test
    void givenRegistry_isTheOneEveryChildSees() {
        Injector app = Guice.createInjector(new PluginsModule(empty));

        assertSame(empty, app.getInstance(PluginRegistry.class));
        assertSame(empty, app.createChildInjector().getInstance(PluginRegistry.class));
    }

    @Test
    void supplier_isAskedOnFirstUseAndOnlyOnce() {
        AtomicInteger calls = new AtomicInteger();
        Injector app = Guice.createInjector(new PluginsModule(() -> {
            calls.incrementAndGet();
            return empty;
        }));
        Provider<PluginRegistry> registry = app.getProvider(PluginRegistry.class);
        assertEquals(0, calls.get(), "not built before it is needed");

        registry.get();
        registry.get();
        app.createChildInjector().getInstance(PluginRegistry.class);

        assertEquals(1, calls.get());
    }

    @Test
    void withoutArguments_theDiscoveredPluginsAreBound() {
        PluginRegistry registry = Guice.createInjector(new PluginsModule()).getInstance(PluginRegistry.class);

        assertSame(PluginRegistry.discovered(), registry);
    }
}
