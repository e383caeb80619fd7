/**
 * Backprop's model files: saves a trained {@link dev.backprop.core.network.Network} to a
 * checksummed binary file, atomically, and loads it back ({@link dev.backprop.io.model.ModelFiles}).
 */
module dev.backprop.io {
    requires transitive dev.backprop.core;
    requires org.slf4j;

    exports dev.backprop.io.model;
    exports dev.backprop.io.data;
}
