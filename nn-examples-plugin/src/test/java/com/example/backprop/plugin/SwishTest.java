package com.example.backprop.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.activation.Activation;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SwishTest {

    private static final double[] POINTS = {-30, -8, -3, -1.5, -0.5, -1e-3, 0, 1e-3, 0.25, 1, 2.5, 7, 30};

    @Test
    void id_isNamespacedAndDefaultBetaIsOne() {
        Swish swish = new Swish();
        assertEquals(PluginId.of("example.swish"), swish.id());
        assertEquals(Hyperparameters.of("beta", 1.0), swish.hyperparameters());
        assertEquals(1.0, swish.beta());
    }

    @Test
    void value_matchesTheDefinition() {
        assertEquals(0.0, new Swish().value(0), 0);
        assertEquals(1 / (1 + Math.exp(-1)), new Swish().value(1), 1e-15);
        assertEquals(2 / (1 + Math.exp(-3.0)), new Swish(1.5).value(2), 1e-15);
        assertEquals(-30 * Math.exp(-30) / (1 + Math.exp(-30)), new Swish().value(-30), 1e-25);
        assertEquals(0.0, new Swish().value(-1000), 0, "no overflow for large negative inputs");
        assertEquals(1000.0, new Swish().value(1000), 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1.0, 1.702, 4.0})
    void derivative_matchesCentralDifferences(double beta) {
        Swish swish = new Swish(beta);
        double h = 1e-5;
        for (double x : POINTS) {
            double numeric = (swish.value(x + h) - swish.value(x - h)) / (2 * h);
            double exact = swish.derivative(x, swish.value(x));
            assertEquals(numeric, exact, 1e-7 * Math.max(1, Math.abs(numeric)), "beta=" + beta + " x=" + x);
        }
    }

    @Test
    void bulkLoops_agreeWithTheScalars() {
        Swish swish = new Swish(2.0);
        float[] z = {-4f, -1f, 0f, 0.5f, 3f};
        float[] a = new float[z.length];
        float[] grad = {1f, 2f, -1f, 0.5f, 1f};
        float[] gradIn = new float[z.length];
        swish.forward(z, a, 0, z.length);
        swish.backward(z, a, grad, gradIn, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals((float) swish.value(z[i]), a[i], 1e-6f);
            assertEquals((float) (grad[i] * swish.derivative(z[i], a[i])), gradIn[i], 1e-6f);
        }
    }

    @Test
    void withHyperparameters_appliesBetaAndKeepsTheInstanceWhenNothingChanges() {
        Swish swish = new Swish();
        assertSame(swish, swish.withHyperparameters(Hyperparameters.none()));
        assertSame(swish, swish.withHyperparameters(Hyperparameters.of("beta", 1.0)));
        Swish steeper = swish.withHyperparameters(Hyperparameters.of("beta", 2.0));
        assertEquals(2.0, steeper.beta());
        assertEquals(new Swish(2.0), steeper);
        assertEquals(new Swish(2.0).hashCode(), steeper.hashCode());
        assertNotEquals(swish, steeper);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0})
    void nonPositiveBeta_isRefusedWithTheRange(double beta) {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Swish().withHyperparameters(Hyperparameters.of("beta", beta)));
        assertTrue(e.getMessage().contains("'beta' of plugin 'example.swish' must be a number > 0"), e.getMessage());
        assertTrue(e.getMessage().contains("such as 1.0 (the default)"), e.getMessage());
    }

    @Test
    void settings_describeBetaForThePluginsCommand() {
        Setting beta = new Swish().settings().find("beta").orElseThrow();
        assertEquals(1.0, beta.defaultValue());
        assertEquals("> 0", beta.allowed());
        assertTrue(beta.help().startsWith("β"), beta.help());
        assertTrue(new Swish().settings().isDeclared());
    }

    @Test
    void textForBeta_isRefusedSayingANumberIsExpected() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Swish().withHyperparameters(Hyperparameters.of("beta", "steep")));
        assertTrue(e.getMessage().contains("must be a number > 0 but was the text 'steep'"), e.getMessage());
    }

    @Test
    void unknownHyperparameter_isRefusedNamingTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Swish().withHyperparameters(Hyperparameters.of("alpha", 1.0)));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
    }

    @Test
    void servicesFile_registersSwish() {
        String found = ServiceLoader.load(Activation.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.joining(","));
        assertEquals(Swish.class.getName(), found);
    }
}
