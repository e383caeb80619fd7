package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.ActivationContract;
import dev.backprop.testkit.Float64Definition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checks every built-in activation must pass: the plugin kit's {@link ActivationContract}
 * (gradients against central differences, bulk versus scalar on ranges and aliased arrays, NaN and
 * infinity, the hyperparameter round trip) plus what only built-ins promise: the exact bare id,
 * initialiser, known values, settings and {@code toString}. Each activation's test class extends
 * this and supplies the instance and its expectations; functions with kinks override
 * {@link #kinks()}.
 */
abstract class ScalarActivationChecks extends ActivationContract {

    /** The activation under test. */
    abstract ScalarActivation activation();

    /** The id it must report. */
    abstract String expectedId();

    /** The initialiser it must suggest. */
    abstract PluginId expectedInitializer();

    /** Pairs {@code {x, f(x)}} known exactly or to double precision. */
    abstract double[][] knownValues();

    /** The float64 definition of {@code f} and {@code f'} that the kit's tail-accuracy check holds it to. */
    abstract Float64Definition definition();

    @Override
    protected final Optional<Float64Definition> float64Definition() {
        return Optional.of(definition());
    }

    /** The settings {@link #activation()} must report; none unless the activation has some. */
    Hyperparameters expectedHyperparameters() {
        return Hyperparameters.none();
    }

    @Override
    protected final ScalarActivation instance() {
        return activation();
    }

    /**
     * The likely mistakes: "alpha" on an activation without settings, and PyTorch's
     * "negative_slope" on one that calls its setting alpha.
     */
    @Override
    protected String unknownHyperparameterName() {
        return activation().hyperparameters().contains("alpha") ? "negative_slope" : "alpha";
    }

    @Test
    void id_isTheExpectedBareBuiltInId() {
        PluginId id = activation().id();
        assertEquals(expectedId(), id.value());
        assertTrue(id.isBuiltInNamespace(), "built-ins use bare ids, found " + id);
    }

    @Test
    void defaultInitializer_suitsTheFunction() {
        assertEquals(expectedInitializer(), activation().defaultInitializer());
    }

    @Test
    void value_matchesKnownPoints() {
        for (double[] point : knownValues()) {
            assertEquals(point[1], activation().value(point[0]), 1e-15, "f(" + point[0] + ")");
        }
    }

    /**
     * Every built-in reports its expected settings and answers a change that changes nothing (no
     * settings, or its current ones) with itself, not merely an equal copy.
     */
    @Test
    void hyperparameters_areTheExpectedOnesAndAnUnchangingRequestReturnsTheSameInstance() {
        ScalarActivation f = activation();
        assertEquals(expectedHyperparameters(), f.hyperparameters());
        assertSame(f, f.withHyperparameters(Hyperparameters.none()));
        assertSame(f, f.withHyperparameters(f.hyperparameters()));
    }

    @Test
    void equality_dependsOnlyOnTheFunctionAndItsSettings() {
        Activation f = activation();
        assertEquals(f, activation());
        assertEquals(f.hashCode(), activation().hashCode());
        String settings = expectedHyperparameters().isEmpty() ? "" : expectedHyperparameters().toString();
        assertEquals(expectedId() + settings, f.toString());
        assertNotEquals(f, new Object());
    }
}
