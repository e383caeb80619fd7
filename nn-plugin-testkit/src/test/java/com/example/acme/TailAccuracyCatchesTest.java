package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Float64Definition;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The kit's tail-accuracy check fails a tanh whose derivative is {@code 1 − y²} from the cached float
 * output, with and without a float64 definition, and passes the same function computed from x.
 */
class TailAccuracyCatchesTest {

    /** tanh with tanh' = 1 − y², y the float output the default bulk loop passes. */
    static final class CachedOutputTanh implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.cached_tanh");
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            return 1 - y * y;
        }
    }

    /** The same tanh with tanh' = 1/cosh²(x). */
    static final class FromInputTanh implements ScalarActivation {
        @Override
        public PluginId id() {
            return PluginId.of("acme.input_tanh");
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            double c = Math.cosh(x);
            return 1 / (c * c);
        }
    }

    private static ActivationContract contract(Activation plugin, boolean withDefinition) {
        return new ActivationContract() {
            @Override
            protected Activation instance() {
                return plugin;
            }

            @Override
            protected Optional<Float64Definition> float64Definition() {
                return withDefinition ? Optional.of(new Float64Definition(Math::tanh, x -> {
                    double c = Math.cosh(x);
                    return 1 / (c * c);
                })) : Optional.empty();
            }
        };
    }

    @Test
    void aDerivativeFromTheCachedOutput_failsWithADefinition() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                contract(new CachedOutputTanh(), true)::float32_matchesTheFloat64DefinitionInTheTails);
        assertTrue(e.getMessage().contains("acme.cached_tanh") && e.getMessage().contains("backward at x=")
                && e.getMessage().contains("compute it from x"), e.getMessage());
    }

    @Test
    void aDerivativeFromTheCachedOutput_failsWithoutADefinitionToo() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                contract(new CachedOutputTanh(), false)::float32_matchesTheFloat64DefinitionInTheTails);
        assertTrue(e.getMessage().contains(": analytic derivative = ")
                && e.getMessage().contains(", finite-difference estimate (five-point, of value(double)) = "),
                e.getMessage());
    }

    @Test
    void theSameFunctionComputedFromX_passesBothWays() {
        assertDoesNotThrow(contract(new FromInputTanh(), true)::float32_matchesTheFloat64DefinitionInTheTails);
        assertDoesNotThrow(contract(new FromInputTanh(), false)::float32_matchesTheFloat64DefinitionInTheTails);
    }
}
