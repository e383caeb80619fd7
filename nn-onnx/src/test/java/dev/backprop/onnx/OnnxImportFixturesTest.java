package dev.backprop.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtSession;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models written by PyTorch's two exporters and in tf2onnx's forms (src/test/python/make_fixtures.py) are
 * imported and predict what PyTorch (or ONNX Runtime in Python, for the hand-built ones) recorded, within
 * {@code 1e-5 + 1e-5·|expected|}; the same files run in ONNX Runtime for Java agree as closely; and each
 * layer's activation is recognised as the one the model was built with.
 */
class OnnxImportFixturesTest {

    private static final Map<String, Double> MAX_ERRORS = new TreeMap<>();

    static Path folder() throws URISyntaxException {
        return Path.of(OnnxImportFixturesTest.class.getResource("fixtures/fixtures.tsv").toURI()).getParent();
    }

    static Stream<Arguments> fixtures() throws Exception {
        List<Arguments> fixtures = new ArrayList<>();
        for (String line : Files.readAllLines(folder().resolve("fixtures.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            fixtures.add(Arguments.of(fields[0], fields[1], fields[2], fields[3]));
        }
        return fixtures.stream();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("fixtures")
    void importsAndPredictsAsRecorded(String model, String expectedName, String activations, String description)
            throws Exception {
        Path folder = folder();
        float[][] inputs = matrix(folder.resolve("inputs-6.txt"));
        float[][] expected = matrix(folder.resolve(expectedName + ".expected.txt"));
        int rows = inputs.length;
        int width = inputs[0].length;
        float[] flat = flatten(inputs);

        Network network = OnnxImport.read(folder.resolve(model));

        assertEquals(activations, describe(network), "activations recognised");
        float[] predicted = network.predict(flat, rows);
        double error = OnnxExportTest.assertWithinTolerance(flatten(expected), predicted);
        try (OrtSession session = OrtRunner.session(folder.resolve(model))) {
            float[] onnxRuntime = OrtRunner.runOnly(session, flat, rows, width);
            error = Math.max(error, OnnxExportTest.assertWithinTolerance(onnxRuntime, predicted));
        }
        MAX_ERRORS.put(model, error);
    }

    @AfterAll
    static void report() {
        StringBuilder text = new StringBuilder("Max |recorded or ONNX Runtime - imported predict| per fixture:\n");
        MAX_ERRORS.forEach((name, error) -> text.append(String.format("  %-52s %.3e%n", name, error)));
        System.out.print(text);
    }

    /** {@code relu,leaky_relu{alpha=0.2},...}: each layer's activation id and settings, as the manifest lists them. */
    static String describe(Network network) {
        StringBuilder text = new StringBuilder();
        for (LayerSpec layer : network.spec().layers()) {
            text.append(text.length() == 0 ? "" : ",").append(layer.activation().value());
            Hyperparameters settings = layer.activationHyperparameters();
            if (!settings.isEmpty()) {
                StringBuilder values = new StringBuilder();
                settings.asMap().forEach((name, value) -> values.append(values.length() == 0 ? "" : ",").append(name)
                        .append('=').append(value));
                text.append('{').append(values).append('}');
            }
        }
        return text.toString();
    }

    static float[][] matrix(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            float[] row = new float[fields.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = Float.parseFloat(fields[i]);
            }
            rows.add(row);
        }
        return rows.toArray(new float[0][]);
    }

    static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }
}
