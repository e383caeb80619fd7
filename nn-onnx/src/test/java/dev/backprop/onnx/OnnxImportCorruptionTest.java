package dev.backprop.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Damaged models (bytes flipped, cut short) either import or are refused with an {@link OnnxImportException};
 * nothing else escapes (no IndexOutOfBoundsException, no NullPointerException, no OutOfMemoryError).
 */
class OnnxImportCorruptionTest {

    private static final int MUTANTS = 1500;

    @Test
    void damagedExportsImportOrAreRefused() {
        Network network = Network.builder().input(5).dense(7, "gelu", Hyperparameters.of("approximate", "tanh"))
                .dense(4, "leaky_relu", Hyperparameters.of("alpha", 0.2)).dense(3, "softmax").seed(1).build();
        int[] outcomes = mutate(OnnxExport.bytes(network), 41);
        assertTrue(outcomes[1] > MUTANTS / 2, "most mutants are refused: " + Arrays.toString(outcomes));
    }

    @Test
    void damagedPyTorchExportsImportOrAreRefused() throws Exception {
        byte[] model = Files.readAllBytes(OnnxImportFixturesTest.folder()
                .resolve("relu6_hardtanh_selu_softsign.torchscript.onnx"));
        int[] outcomes = mutate(model, 42);
        assertTrue(outcomes[1] > MUTANTS / 2, "most mutants are refused: " + Arrays.toString(outcomes));
    }

    /** {imported, refused} counts; fails on any other outcome. */
    private static int[] mutate(byte[] original, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] outcomes = new int[2];
        for (int m = 0; m < MUTANTS; m++) {
            byte[] mutant;
            if (m % 4 == 0) {
                mutant = Arrays.copyOf(original, random.nextInt(original.length));
            } else {
                mutant = original.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                OnnxImport.importer().readBytes(mutant);
                outcomes[0]++;
            } catch (OnnxImportException refused) {
                outcomes[1]++;
            } catch (RuntimeException | Error other) {
                throw new AssertionError("mutant " + m + " escaped as " + other, other);
            }
        }
        return outcomes;
    }
}
