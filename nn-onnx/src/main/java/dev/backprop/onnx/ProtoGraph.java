package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The {@link OnnxGraph} over a protobuf {@link GraphProto.Builder}: unique names per layer, float32 initializers. */
final class ProtoGraph implements OnnxGraph {

    private final GraphProto.Builder graph;
    private final int opset;
    private final Set<String> names = new HashSet<>();
    private final Set<String> produced = new HashSet<>();
    private String prefix = "graph";
    private int counter;

    ProtoGraph(GraphProto.Builder graph, int opset) {
        this.graph = graph;
        this.opset = opset;
        names.add(OnnxExport.INPUT_NAME);
        names.add(OnnxExport.OUTPUT_NAME);
        produced.add(OnnxExport.INPUT_NAME);
    }

    /** Names created from now on start with {@code layerPrefix} ({@code dense_2}). */
    void prefix(String layerPrefix) {
        this.prefix = layerPrefix;
        this.counter = 0;
    }

    /** Whether {@code name} is a tensor of this graph: the input, an initializer or a node's output. */
    boolean knows(String name) {
        return produced.contains(name);
    }

    @Override
    public int opset() {
        return opset;
    }

    @Override
    public String node(String opType, List<String> inputs, Map<String, ?> attributes) {
        Objects.requireNonNull(opType, "opType");
        String output = fresh(opType.toLowerCase(java.util.Locale.ROOT));
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
        for (String input : inputs) {
            if (!input.isEmpty() && !produced.contains(input)) {
                throw new IllegalArgumentException("Node " + opType + " reads tensor '" + input + "', which nothing"
                        + " in the graph produces: use a name returned by OnnxGraph or the input given to export.");
            }
            node.addInput(input);
        }
        for (Map.Entry<String, ?> entry : new TreeMap<String, Object>(attributes).entrySet()) {
            node.addAttribute(attribute(entry.getKey(), entry.getValue()));
        }
        graph.addNode(node);
        produced.add(output);
        return output;
    }

    @Override
    public String scalar(float value) {
        return constant(new float[] {value});
    }

    @Override
    public String constant(float[] values, long... dims) {
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("A constant of shape " + java.util.Arrays.toString(dims) + " holds "
                    + count + " values but " + values.length + " were given.");
        }
        return initializer(fresh("const"), values, dims);
    }

    /** Adds float32 initializer {@code name} of shape {@code dims}, its values as raw little-endian bytes. */
    String initializer(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        names.add(name);
        produced.add(name);
        return name;
    }

    /** Renames node output {@code from} to {@code to} everywhere it is written or read. */
    boolean renameNodeOutput(String from, String to) {
        boolean found = false;
        for (NodeProto.Builder node : graph.getNodeBuilderList()) {
            for (int i = 0; i < node.getOutputCount(); i++) {
                if (node.getOutput(i).equals(from)) {
                    node.setOutput(i, to);
                    found = true;
                }
            }
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals(from)) {
                    node.setInput(i, to);
                }
            }
        }
        return found;
    }

    private String fresh(String kind) {
        String name;
        do {
            name = prefix + "/" + kind + "_" + counter++;
        } while (!names.add(name));
        return name;
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
        if (value instanceof Float || value instanceof Double) {
            attribute.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof Integer || value instanceof Long) {
            attribute.setType(AttributeProto.AttributeType.INT).setI(((Number) value).longValue());
        } else if (value instanceof String text) {
            attribute.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(text));
        } else if (value instanceof float[] floats) {
            attribute.setType(AttributeProto.AttributeType.FLOATS);
            for (float f : floats) {
                attribute.addFloats(f);
            }
        } else if (value instanceof long[] longs) {
            attribute.setType(AttributeProto.AttributeType.INTS);
            for (long l : longs) {
                attribute.addInts(l);
            }
        } else if (value instanceof int[] ints) {
            attribute.setType(AttributeProto.AttributeType.INTS);
            for (int i : ints) {
                attribute.addInts(i);
            }
        } else {
            throw new IllegalArgumentException("Attribute '" + name + "' has a value of type "
                    + (value == null ? "null" : value.getClass().getName()) + "; use Float, Double, Integer, Long,"
                    + " String, float[], int[] or long[].");
        }
        return attribute.build();
    }
}
