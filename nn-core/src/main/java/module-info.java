/**
 * Backprop's engine: the plugin registry, dense layers and sequential networks, batched forward and
 * backward passes, the built-in losses, the trainer and its Guice wiring.
 */
module dev.backprop.core {
    requires transitive dev.backprop.api;
    requires org.slf4j;
    requires com.google.guice;
    // Optional: the fast kernels load only when the JVM runs with --add-modules=jdk.incubator.vector.
    requires static jdk.incubator.vector;

    exports dev.backprop.core.plugin;
    exports dev.backprop.core.network;
    exports dev.backprop.core.loss;
    exports dev.backprop.core.train;
    exports dev.backprop.core.data;
    exports dev.backprop.core.inject;

    opens dev.backprop.core.inject to com.google.guice;

    uses dev.backprop.api.activation.Activation;
    uses dev.backprop.api.loss.Loss;
    uses dev.backprop.api.optimizer.Optimizer;

    provides dev.backprop.api.loss.Loss with
            dev.backprop.core.loss.MeanSquaredError,
            dev.backprop.core.loss.CategoricalCrossEntropy,
            dev.backprop.core.loss.MeanAbsoluteError,
            dev.backprop.core.loss.Huber,
            dev.backprop.core.loss.BinaryCrossEntropy,
            dev.backprop.core.loss.BinaryCrossEntropyFromLogits,
            dev.backprop.core.loss.Hinge,
            dev.backprop.core.loss.KullbackLeiblerDivergence;
}
