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

    /** A session on the model file {@code path} (its external data found beside it). */
    static OrtSession session(java.nio.file.Path path) throws OrtException {
        return ENV.createSession(path.toString(), new OrtSession.SessionOptions());
    }

    /**
     * The model's only output for {@code rows} rows fed to its only input, whatever their names; {@code batch}
     * rows at a time when the input's batch dimension is fixed, else all at once.
     */
    static float[] runOnly(OrtSession session, float[] inputs, int rows, int width) throws OrtException {
        String input = session.getInputNames().iterator().next();
        ai.onnxruntime.TensorInfo info = (ai.onnxruntime.TensorInfo) session.getInputInfo().get(input).getInfo();
        long fixed = info.getShape()[0];
        int step = fixed > 0 ? (int) fixed : rows;
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        int total = 0;
        for (int from = 0; from < rows; from += step) {
            float[] part = java.util.Arrays.copyOfRange(inputs, from * width, (from + step) * width);
            try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(part), new long[] {step, width});
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                parts.add(values);
                total += values.length;
            }
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static float[] run(byte[] model, float[] inputs, int rows, int width) throws OrtException {
        try (OrtSession session = session(model)) {
            return run(session, inputs, rows, width);
        }
    }
}
