package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.api.optimizer.OptimizerState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the trajectories of PyTorch's {@code torch.optim.NAdam} in {@code nadam_torch.txt} (written by
 * {@code nadam_torch.py} beside it, which says how to regenerate it) through Backprop's {@code nadam}
 * with the same settings and gradients, and compares every step's parameters.
 *
 * <p>Backprop updates in float, so it cannot follow the float64 trajectory bit for bit: after each step
 * its parameters must lie within {@value #RELATIVE} of the parameter's magnitude (at least 1, the scale
 * of these parameters, so values passing near 0 are not held to a relative error they cannot reach) of
 * torch's, in float64 and in float32.
 */
class NadamTorchTest {

    private static final String FIXTURE = "nadam_torch.txt";
    /** The largest accepted error, relative to max(|w|, 1). */
    private static final double RELATIVE = 1e-6;

    /** One torch run: its settings, the initial parameters, and each step's gradient and result. */
    private record TorchRun(String name, String dtype, double lr, double beta1, double beta2, double eps,
                            double momentumDecay, float[] initial, List<float[]> gradients,
                            List<double[]> parameters) {
        @Override
        public String toString() {
            return name + " (" + dtype + ", lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps
                    + ", momentum_decay=" + momentumDecay + ")";
        }
    }

    @Test
    void nadam_followsTorchNAdamStepByStep_inFloat64AndFloat32() throws IOException {
        List<TorchRun> runs = readFixture();
        assertEquals(4, runs.size(), "runs in " + FIXTURE + ": two cases, each in float64 and float32");
        double worst = 0;
        for (TorchRun run : runs) {
            worst = Math.max(worst, replay(run));
        }
        assertTrue(worst > 0, "float updates differ from float64 somewhere; a worst error of 0 means nothing ran");
    }

    /** Replays one run and returns its largest error relative to max(|w|, 1). */
    private static double replay(TorchRun run) {
        Nadam nadam = new Nadam(run.lr(), run.beta1(), run.beta2(), run.eps(), Nadam.DOZAT, run.momentumDecay());
        float[] w = run.initial().clone();
        OptimizerState state = new OptimizerState(nadam.stateSlots(), w.length);
        double worst = 0;
        for (int step = 0; step < run.gradients().size(); step++) {
            state.advance();
            nadam.update(w, run.gradients().get(step), state);
            double[] expected = run.parameters().get(step);
            for (int i = 0; i < w.length; i++) {
                double error = Math.abs(w[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1.0);
                worst = Math.max(worst, error);
                if (error > RELATIVE) {
                    fail(run + ": after step " + (step + 1) + " parameter " + i + " should be " + expected[i]
                            + " as torch.optim.NAdam computes it but Backprop's nadam gives " + w[i] + " (relative error "
                            + error + " > " + RELATIVE + "). Check Nadam's momentum schedule and corrections against "
                            + "torch's _single_tensor_nadam, or regenerate " + FIXTURE + " with nadam_torch.py.");
                }
            }
        }
        return worst;
    }

    private static List<TorchRun> readFixture() throws IOException {
        InputStream in = NadamTorchTest.class.getResourceAsStream(FIXTURE);
        if (in == null) {
            fail("The test resource " + FIXTURE + " is missing beside NadamTorchTest: regenerate it with nadam_torch.py.");
        }
        List<TorchRun> runs = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            float[] initial = null;
            List<float[]> gradients = new ArrayList<>();
            List<double[]> parameters = new ArrayList<>();
            String line;
            while (true) {
                line = reader.readLine();
                if (line == null || line.startsWith("case ")) {
                    if (header != null) {
                        assertEquals(Integer.parseInt(header[8]), parameters.size(), "steps of " + header[1]);
                        runs.add(new TorchRun(header[1], header[2], Double.parseDouble(header[3]),
                                Double.parseDouble(header[4]), Double.parseDouble(header[5]),
                                Double.parseDouble(header[6]), Double.parseDouble(header[7]), initial,
                                List.copyOf(gradients), List.copyOf(parameters)));
                        gradients.clear();
                        parameters.clear();
                    }
                    if (line == null) {
                        return runs;
                    }
                    header = line.split(" ");
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                switch (fields[0]) {
                    case "w0" -> initial = floats(fields, 1);
                    case "g" -> gradients.add(floats(fields, 2));
                    case "w" -> parameters.add(Arrays.stream(fields, 2, fields.length)
                            .mapToDouble(Double::parseDouble).toArray());
                    default -> fail("Unexpected line in " + FIXTURE + ": '" + line
                            + "'; expected case, w0, g or w records as nadam_torch.py writes them.");
                }
            }
        }
    }

    /** Fields from {@code from} on, each a float value printed in full. */
    private static float[] floats(String[] fields, int from) {
        float[] values = new float[fields.length - from];
        for (int i = 0; i < values.length; i++) {
            double value = Double.parseDouble(fields[from + i]);
            values[i] = (float) value;
            assertEquals(value, values[i], 0.0, "a float value in " + FIXTURE);
        }
        return values;
    }
}
