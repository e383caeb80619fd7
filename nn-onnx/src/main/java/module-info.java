/**
 * ONNX for Backprop: writes a trained network as an ONNX model ({@link dev.backprop.onnx.OnnxExport}) and
 * reads feed-forward ONNX models, as PyTorch's exporters, tf2onnx and the exporter write them, back as a
 * network ({@link dev.backprop.onnx.OnnxImport}): chains of Gemm or MatMul + Add layers with their
 * activations recognised, weights inline or as external data beside the model. Anything else is refused
 * with a {@link dev.backprop.onnx.OnnxImportException} naming the node. The ONNX protobuf classes come
 * from Tribuo's {@code tribuo-util-onnx} and protobuf-java (automatic modules).
 */
module dev.backprop.onnx {
    requires transitive dev.backprop.core;
    requires dev.backprop.io;
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;

    exports dev.backprop.onnx;

    uses dev.backprop.onnx.OnnxActivationExporter;
}
