package dev.backprop.core.plugin;

import dev.backprop.api.Plugin;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.init.WeightInitializer;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;

/** The kinds of plugin Backprop discovers, with the service interface each is registered under. */
public enum PluginKind {
    /** Element-wise activation functions. */
    ACTIVATION("activation", Activation.class),
    /** Loss functions. */
    LOSS("loss", Loss.class),
    /** Optimizers (update rules). */
    OPTIMIZER("optimizer", Optimizer.class),
    /** Weight initialisers. */
    INITIALIZER("initializer", WeightInitializer.class);

    private final String word;
    private final Class<? extends Plugin> serviceType;

    PluginKind(String word, Class<? extends Plugin> serviceType) {
        this.word = word;
        this.serviceType = serviceType;
    }

    /** The kind in words, for messages ("activation"). */
    public String word() {
        return word;
    }

    /** The service interface, as named in {@code META-INF/services}. */
    public Class<? extends Plugin> serviceType() {
        return serviceType;
    }
}
