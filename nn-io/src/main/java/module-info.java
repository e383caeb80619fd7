/**
 * Backprop's files: saves a trained {@link dev.backprop.core.network.Network} to a checksummed binary
 * file, atomically, and loads it back ({@link dev.backprop.io.model.ModelFiles}); reads MNIST-style IDX
 * datasets and CSV tables ({@link dev.backprop.io.data}); and reads run configurations from JSON or YAML files
 * ({@link dev.backprop.io.config.ConfigFiles}).
 */
module dev.backprop.io {
    requires transitive dev.backprop.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.dataformat.csv;

    exports dev.backprop.io.model;
    exports dev.backprop.io.data;
    exports dev.backprop.io.config;
    exports dev.backprop.io.files;
}
