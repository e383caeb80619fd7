package dev.backprop.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.api.init.WeightInitializer;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeightInitializerTest {

    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 200;

    /** Each scheme's variance: uniform U(−l, l) has l²/3. */
    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of(new GlorotUniform(), 2.0 / (FAN_IN + FAN_OUT)),
                Arguments.of(new GlorotNormal(), 2.0 / (FAN_IN + FAN_OUT)),
                Arguments.of(new HeUniform(), 2.0 / FAN_IN),
                Arguments.of(new HeNormal(), 2.0 / FAN_IN),
                Arguments.of(new LecunNormal(), 1.0 / FAN_IN),
                Arguments.of(new LecunUniform(), 1.0 / FAN_IN));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void scheme_hasZeroMeanAndItsVariance(WeightInitializer scheme, double variance) {
        float[] weights = new float[FAN_IN * FAN_OUT];
        scheme.initialize(weights, FAN_IN, FAN_OUT, new SplittableRandom(3));
        double sum = 0;
        double squares = 0;
        for (float w : weights) {
            sum += w;
            squares += (double) w * w;
        }
        double mean = sum / weights.length;
        // 80,000 draws: the sample variance is within about 1% of the true one, the mean within 0.01 σ.
        assertEquals(0, mean, 0.02 * Math.sqrt(variance), scheme.id() + " mean");
        assertEquals(variance, squares / weights.length - mean * mean, 0.03 * variance, scheme.id() + " variance");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void scheme_sameSeedSameWeights(WeightInitializer scheme, double variance) {
        float[] first = new float[50];
        float[] second = new float[50];
        scheme.initialize(first, 10, 5, new SplittableRandom(9));
        scheme.initialize(second, 10, 5, new SplittableRandom(9));
        assertArrayEquals(first, second);
    }

    @Test
    void registry_findsEveryBuiltInInitializer() {
        assertTrue(PluginRegistry.discovered().ids(PluginKind.INITIALIZER).stream().map(Object::toString).toList()
                .containsAll(java.util.List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                        "lecun_normal", "lecun_uniform", "zeros", "constant")));
    }

    @Test
    void builder_constantInitializerWithValue_setsEveryWeight() {
        Network network = Network.builder().input(3).dense(2, "identity")
                .withInitializer("constant", Hyperparameters.of("value", 0.25)).build();
        for (float w : network.parameters().get(0).values()) {
            assertEquals(0.25f, w);
        }
        assertEquals(Hyperparameters.of("value", 0.25), network.spec().layers().get(0).initializerHyperparameters());
    }

    @Test
    void builder_unknownInitializer_listsTheAvailableOnes() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> Network.builder().input(3).dense(2, "relu").withInitializer("he_normall").build());
        assertTrue(e.getMessage().startsWith("No initializer with id 'he_normall'. Available: "), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'he_normal'?"), e.getMessage());
    }
}
