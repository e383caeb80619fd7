package dev.backprop.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported model in ONNX Runtime. */
final class OrtRunner {

    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private OrtRunner() {
    }

    static OrtSession session(byte[] model) throws OrtException {
        return ENV.createSession(model, new OrtSession.SessionOptions());
    }

    /** The model's {@code output} for {@code rows} rows of {@code inputs} (row-major, {@code width} columns). */
    static float[] run(OrtSession session, float[] inputs, int rows, int width) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(inputs), new long[] {rows, width});
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT_NAME, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(OnnxExport.OUTPUT_NAME).orElseThrow();
            FloatBuffer buffer = output.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }

    static float[] run(byte[] model, float[] inputs, int rows, int width) throws OrtException {
        try (OrtSession session = session(model)) {
            return run(session, inputs, rows, width);
        }
    }
}
