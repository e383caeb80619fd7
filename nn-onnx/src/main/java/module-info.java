/**
 * ONNX for Backprop: writes a trained network as an ONNX model ({@link dev.backprop.onnx.OnnxExport}) and
 * reads feed-forward ONNX models written by other frameworks. The ONNX protobuf classes come from Tribuo's
 * {@code tribuo-util-onnx} and protobuf-java (automatic modules).
 */
module dev.backprop.onnx {
    requires transitive dev.backprop.core;
    requires dev.backprop.io;
    requires org.tribuo.util.onnx;
    requires com.google.protobuf;

    exports dev.backprop.onnx;

    uses dev.backprop.onnx.OnnxActivationExporter;
}
