package dev.backprop.examples.inject;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine.IFactory;
import picocli.CommandLine;

/**
 * Lets picocli build the commands, mixins and default providers through Guice, so their
 * {@code @Inject} constructors receive what the injector binds; what Guice cannot build (the
 * collections of multi-value options) falls back to picocli's own factory.
 */
public final class GuiceFactory implements IFactory {

    private final Injector injector;

    /** @param injector the command line's injector */
    public GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException notInjectable) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
