package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves a model's initializers into an external data file, as onnx.save_model(save_as_external_data=True) does. */
final class ExternalDataFiles {

    private ExternalDataFiles() {
    }

    /**
     * Writes every initializer's raw bytes to {@code file}, each after {@code gap} bytes of padding, and
     * returns the model with those initializers pointing at {@code location}.
     */
    static ModelProto moveOut(ModelProto model, Path file, String location, int gap) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto tensor = graph.getInitializer(i);
            data.write(new byte[gap]);
            long offset = data.size();
            tensor.getRawData().writeTo(data);
            graph.setInitializer(i, external(tensor, location, offset, tensor.getRawData().size()));
        }
        Files.write(file, data.toByteArray());
        return model.toBuilder().setGraph(graph).build();
    }

    /** {@code tensor} without its bytes, pointing at {@code length} bytes from {@code offset} of {@code location}. */
    static TensorProto external(TensorProto tensor, String location, long offset, long length) {
        return tensor.toBuilder().setRawData(ByteString.EMPTY)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(offset)))
                .addExternalData(entry("length", Long.toString(length)))
                .build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
