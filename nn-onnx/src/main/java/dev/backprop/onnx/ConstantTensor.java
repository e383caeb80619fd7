package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * A tensor whose value is known before the graph runs: an initializer, the value of a {@code Constant}
 * node, or either seen through a {@code Transpose} with permutation {@code [1, 0]}.
 *
 * @param tensor     the stored tensor (its dims and data as written)
 * @param origin     how messages name it: {@code initializer 'fc1.weight'} or {@code Constant node 'c'}
 * @param transposed whether the value used is the stored 2-D tensor transposed
 */
record ConstantTensor(TensorProto tensor, String origin, boolean transposed) {

    /** The same tensor seen through one more {@code Transpose}. */
    ConstantTensor flipped(String through) {
        return new ConstantTensor(tensor, origin + " through Transpose '" + through + "'", !transposed);
    }

    /** The number of dimensions. */
    int rank() {
        return tensor.getDimsCount();
    }

    /** The stored dims, as written in the file. */
    long[] storedDims() {
        long[] dims = new long[tensor.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = tensor.getDims(i);
        }
        return dims;
    }

    /** The stored dims as text: {@code [8, 6]}. */
    String shape() {
        return java.util.Arrays.toString(storedDims());
    }

    /** The ONNX element type's name: FLOAT, INT64, ... */
    String typeName() {
        TensorProto.DataType type = TensorProto.DataType.forNumber(tensor.getDataType());
        return type == null ? "an unknown type (" + tensor.getDataType() + ")" : type.name();
    }

    /** Whether it holds float32 values. */
    boolean isFloat32() {
        return tensor.getDataType() == TensorProto.DataType.FLOAT.getNumber();
    }
}
