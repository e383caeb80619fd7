package com.example.acme;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.activation.Activation;
import dev.backprop.testkit.ActivationContract;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit's settings checks fail a plugin that does not enforce what it declares. */
class PluginContractCatchesTest {

    private static final ActivationContract SLOPPY = new ActivationContract() {
        @Override
        protected Activation instance() {
            return new Sloppy();
        }
    };

    @Test
    void aValueOutsideTheDeclaredRange_thatThePluginAccepts_failsTheContract() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, SLOPPY::settings_areWhatWithHyperparametersEnforces);
        assertTrue(e.getMessage().contains("'slope'"), e.getMessage());
    }

    @Test
    void theRestOfTheContract_stillPasses() {
        SLOPPY.hyperparameters_roundTripAndUnknownNameIsRefused();
        SLOPPY.settings_describeEveryHyperparameter();
    }
}
