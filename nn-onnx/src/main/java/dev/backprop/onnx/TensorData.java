package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteOrder;

/**
 * Reads the float32 values of constant tensors, inline ({@code raw_data} little-endian or
 * {@code float_data}) or as external data, always into an array whose size was checked before it was
 * allocated: the declared dims are compared with the expected count and with the bytes actually stored
 * before anything is copied.
 */
final class TensorData {

    private final String source;
    private final ExternalData external;

    /**
     * @param source   the model, as messages name it
     * @param external the reader of external data beside the model
     */
    TensorData(String source, ExternalData external) {
        this.source = source;
        this.external = external;
    }

    /**
     * Refuses a tensor that is not float32.
     *
     * @param role what the tensor is for, for the message ({@code the weights of node '/0/Gemm' (Gemm)})
     */
    void requireFloat32(ConstantTensor tensor, String role) {
        if (!tensor.isFloat32()) {
            throw refusal(tensor.origin() + ", " + role + ", holds " + tensor.typeName() + " values; Backprop imports"
                    + " float32 models only. Convert the model to float32 (for a PyTorch model: model.float() before"
                    + " torch.onnx.export).");
        }
    }

    /** Fills {@code into} with the tensor's values, which must be exactly {@code into.length} float32 values. */
    void read(ConstantTensor tensor, String role, float[] into) {
        requireFloat32(tensor, role);
        TensorProto proto = tensor.tensor();
        if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            external.read(tensor, into);
            return;
        }
        ByteString raw = proto.getRawData();
        if (!raw.isEmpty()) {
            long expected = (long) into.length * Float.BYTES;
            if (raw.size() != expected) {
                throw refusal(tensor.origin() + ", " + role + ", has shape " + tensor.shape() + " (" + into.length
                        + " float32 values, " + expected + " bytes) but stores " + raw.size() + " bytes. The file is"
                        + " damaged: export the model again.");
            }
            raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into);
            return;
        }
        if (proto.getFloatDataCount() != into.length) {
            throw refusal(tensor.origin() + ", " + role + ", has shape " + tensor.shape() + " (" + into.length
                    + " values) but stores " + proto.getFloatDataCount() + " in float_data and no raw_data. The file"
                    + " is damaged: export the model again.");
        }
        for (int i = 0; i < into.length; i++) {
            into[i] = proto.getFloatData(i);
        }
    }

    /** The number of values the tensor's dims declare, or -1 when a dim is negative or the count overflows. */
    static long count(ConstantTensor tensor) {
        long count = 1;
        for (long dim : tensor.storedDims()) {
            if (dim < 0) {
                return -1;
            }
            count = dim == 0 ? 0 : count > Long.MAX_VALUE / dim ? -1 : count * dim;
            if (count < 0) {
                return -1;
            }
        }
        return count;
    }

    /** The one value of a constant that holds exactly one float32 (a scalar, or dims that multiply to 1). */
    float scalar(ConstantTensor tensor, String role) {
        if (count(tensor) != 1) {
            throw refusal(tensor.origin() + ", " + role + ", has shape " + tensor.shape() + "; an activation's"
                    + " constants are single values (a per-neuron scale or shift is not an activation Backprop"
                    + " knows). Fold it into the weights before export, or remove it.");
        }
        float[] value = new float[1];
        read(tensor, role, value);
        return value[0];
    }

    private OnnxImportException refusal(String detail) {
        return new OnnxImportException("Cannot import " + source + ": " + detail);
    }
}
