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
    exports dev.backprop.core.evaluation;
    exports dev.backprop.core.data;
    exports dev.backprop.core.inject;
    exports dev.backprop.core.init;
    exports dev.backprop.core.text;

    opens dev.backprop.core.inject to com.google.guice;

    uses dev.backprop.api.activation.Activation;
    uses dev.backprop.api.loss.Loss;
    uses dev.backprop.api.optimizer.Optimizer;
    uses dev.backprop.api.init.WeightInitializer;

    provides dev.backprop.api.init.WeightInitializer with
            dev.backprop.core.init.GlorotUniform,
            dev.backprop.core.init.GlorotNormal,
            dev.backprop.core.init.HeUniform,
            dev.backprop.core.init.HeNormal,
            dev.backprop.core.init.LecunNormal,
            dev.backprop.core.init.LecunUniform,
            dev.backprop.core.init.Zeros,
            dev.backprop.core.init.Constant;

    provides dev.backprop.api.activation.Activation with
            dev.backprop.core.network.Softmax;

    provides dev.backprop.api.loss.Loss with
            dev.backprop.core.loss.MeanSquaredError,
            dev.backprop.core.loss.CategoricalCrossEntropy,
            dev.backprop.core.loss.SparseCategoricalCrossEntropy,
            dev.backprop.core.loss.MeanAbsoluteError,
            dev.backprop.core.loss.Huber,
            dev.backprop.core.loss.BinaryCrossEntropy,
            dev.backprop.core.loss.BinaryCrossEntropyFromLogits,
            dev.backprop.core.loss.Hinge,
            dev.backprop.core.loss.KullbackLeiblerDivergence;
}
