package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/** Builds small ONNX models by hand for the import tests. */
final class TestModels {

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private int opset = 17;

    static TestModels model() {
        return new TestModels();
    }

    /** A float32 input {@code [batch, width]}. */
    TestModels input(String name, int width) {
        graph.addInput(matrix(name, TensorProto.DataType.FLOAT, "batch", width));
        return this;
    }

    /** A float32 output {@code [batch, width]}. */
    TestModels output(String name, int width) {
        graph.addOutput(matrix(name, TensorProto.DataType.FLOAT, "batch", width));
        return this;
    }

    TestModels opset(int version) {
        this.opset = version;
        return this;
    }

    /** A float32 initializer, raw little-endian. */
    TestModels initializer(String name, float[] values, long... dims) {
        graph.addInitializer(floats(name, values, dims));
        return this;
    }

    /** A float32 initializer of shape {@code dims} with values drawn from {@code seed}. */
    TestModels random(String name, long seed, long... dims) {
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        float[] values = new float[(int) count];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
        }
        return initializer(name, values, dims);
    }

    /** A float32 scalar initializer (rank 0). */
    TestModels constant(String name, float value) {
        return initializer(name, new float[] {value});
    }

    TestModels initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    /** A node with one output, attributes as name/value pairs (Float, Long, String, long[]). */
    TestModels node(String op, String name, String[] inputs, String output, Object... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            node.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        graph.addNode(node);
        return this;
    }

    GraphProto.Builder graph() {
        return graph;
    }

    ModelProto build() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
    }

    byte[] bytes() {
        return build().toByteArray();
    }

    static String[] in(String... names) {
        return names;
    }

    static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    static ValueInfoProto matrix(String name, TensorProto.DataType type, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
        if (value instanceof Float f) {
            attribute.setType(AttributeProto.AttributeType.FLOAT).setF(f);
        } else if (value instanceof Long l) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(l);
        } else if (value instanceof Integer i) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(i);
        } else if (value instanceof String s) {
            attribute.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else if (value instanceof long[] longs) {
            attribute.setType(AttributeProto.AttributeType.INTS);
            for (long l : longs) {
                attribute.addInts(l);
            }
        } else {
            throw new IllegalArgumentException(name + ": " + value);
        }
        return attribute.build();
    }

    /**
     * The standard small chain used by the refusal tests: 4 inputs, Gemm 4→3 (weights [4, 3], bias [3]),
     * Relu, Gemm 3→2, Sigmoid.
     */
    static TestModels chain() {
        return model().input("x", 4).output("y", 2)
                .random("w1", 1, 4, 3).random("b1", 2, 3).random("w2", 3, 3, 2).random("b2", 4, 2)
                .node("Gemm", "gemm1", in("x", "w1", "b1"), "z1")
                .node("Relu", "relu1", in("z1"), "a1")
                .node("Gemm", "gemm2", in("a1", "w2", "b2"), "z2")
                .node("Sigmoid", "sigmoid2", in("z2"), "y");
    }
}
