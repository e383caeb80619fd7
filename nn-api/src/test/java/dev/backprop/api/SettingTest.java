package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingTest {

    private static final PluginId PLUGIN = PluginId.of("acme.test");
    private static final Setting DECAY = Setting.number("beta1", 0.9, "decay rate").atLeast(0).below(1).inFloat();
    private static final Setting AMSGRAD = Setting.flag("amsgrad", false, "AMSGrad");
    private static final Setting REDUCTION = Setting.choice("reduction", "mean", "how terms are reduced",
            "mean", "sum_over_outputs");

    @Test
    void number_describesItsRange() {
        assertEquals("any number", Setting.number("x", 1, "h").allowed());
        assertEquals("> 0", Setting.number("x", 1, "h").above(0).allowed());
        assertEquals(">= 0", Setting.number("x", 1, "h").atLeast(0).allowed());
        assertEquals("< 2.5", Setting.number("x", 1, "h").below(2.5).allowed());
        assertEquals("<= 0.1", Setting.number("x", 0, "h").atMost(0.1).allowed());
        assertEquals("in (0, 3.4028235E38]", Setting.number("x", 1, "h").above(0).atMost(Float.MAX_VALUE).allowed());
        assertEquals("in [1.4E-45, 3.4028235E38]",
                Setting.number("x", 1, "h").atLeast(Float.MIN_VALUE).atMost(Float.MAX_VALUE).allowed());
        assertEquals("in [0, 1) as a float, so at most 0.99999994", DECAY.allowed());
        assertEquals("finite as a float", Setting.number("x", 0, "h").inFloat().allowed());
    }

    @Test
    void number_acceptsExactlyItsRange() {
        Setting open = Setting.number("alpha", 1, "h").above(0).atMost(Float.MAX_VALUE);
        assertTrue(open.accepts(Double.MIN_VALUE));
        assertTrue(open.accepts((double) Float.MAX_VALUE));
        assertFalse(open.accepts(0.0));
        assertFalse(open.accepts(1e39));
        assertTrue(DECAY.accepts(0.0));
        assertTrue(DECAY.accepts((double) Math.nextDown(1f)));
        assertFalse(DECAY.accepts(0.99999999), "rounds to 1 in float");
        assertFalse(DECAY.accepts(1.0));
        assertFalse(DECAY.accepts(-1e-300));
        Setting finiteFloat = Setting.number("value", 0, "h").inFloat();
        assertTrue(finiteFloat.accepts(-3.4e38));
        assertFalse(finiteFloat.accepts(1e39), "infinite as a float");
    }

    @Test
    void number_outOfRange_namesPluginSettingValueRangeAndDefault() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> DECAY.accept(PLUGIN, 0.999999999));
        assertEquals("Hyperparameter 'beta1' of plugin 'acme.test' must be a number in [0, 1) as a float, so at"
                + " most 0.99999994 but was the number 0.999999999. Use a value such as 0.9 (the default).",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.9", "true"})
    void number_ofAnotherKind_saysANumberIsExpected(String given) {
        Object value = given.equals("true") ? (Object) Boolean.TRUE : "0.9";
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> DECAY.accept(PLUGIN, value));
        assertTrue(e.getMessage().contains("must be a number in [0, 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("but was " + Hyperparameters.describe(value)), e.getMessage());
    }

    @Test
    void flag_takesTrueFalseAndTheNumbersOneAndZeroOfOldFiles() {
        assertEquals(true, AMSGRAD.accept(PLUGIN, true));
        assertEquals(false, AMSGRAD.accept(PLUGIN, false));
        assertEquals(true, AMSGRAD.accept(PLUGIN, 1.0));
        assertEquals(false, AMSGRAD.accept(PLUGIN, 0.0));
        assertEquals("true or false", AMSGRAD.allowed());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2, -1})
    void flag_refusesOtherNumbers(double number) {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> AMSGRAD.accept(PLUGIN, number));
        assertTrue(e.getMessage().startsWith("Hyperparameter 'amsgrad' of plugin 'acme.test' must be true or false"
                + " (files written before switches existed hold 1 or 0, which are read as true and false) but was"
                + " the number " + number + "."), e.getMessage());
        assertTrue(e.getMessage().endsWith("Use a value such as false (the default)."), e.getMessage());
    }

    @Test
    void flag_refusesText() {
        assertThrows(InvalidHyperparameterException.class, () -> AMSGRAD.accept(PLUGIN, "true"));
    }

    @Test
    void choice_takesOnlyItsChoices() {
        assertEquals("sum_over_outputs", REDUCTION.accept(PLUGIN, "sum_over_outputs"));
        assertEquals(List.of("mean", "sum_over_outputs"), REDUCTION.choices());
        assertEquals("one of: mean, sum_over_outputs", REDUCTION.allowed());
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> REDUCTION.accept(PLUGIN, "sum"));
        assertEquals("Hyperparameter 'reduction' of plugin 'acme.test' must be one of: mean, sum_over_outputs but"
                + " was the text 'sum'. Use a value such as mean (the default).", e.getMessage());
    }

    @Test
    void choice_suggestsTheChoiceThatDiffersOnlyInCaseOrPunctuation() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> REDUCTION.accept(PLUGIN, "Sum-Over-Outputs"));
        assertTrue(e.getMessage().contains("Did you mean 'sum_over_outputs'?"), e.getMessage());
    }

    @Test
    void choice_refusesANumber() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> REDUCTION.accept(PLUGIN, 1.0));
        assertTrue(e.getMessage().contains("but was the number 1.0"), e.getMessage());
    }

    @Test
    void declarationMistakes_areRefusedWhenTheSettingIsMade() {
        assertThrows(InvalidPluginException.class, () -> Setting.number("x", 2, "h").below(1));
        assertThrows(InvalidPluginException.class, () -> Setting.number("x", Double.NaN, "h"));
        assertThrows(InvalidPluginException.class, () -> Setting.number(" ", 1, "h"));
        assertThrows(InvalidPluginException.class, () -> Setting.number("x", 1, ""));
        assertThrows(InvalidPluginException.class, () -> Setting.choice("r", "max", "h", "mean", "sum"));
        assertThrows(InvalidPluginException.class, () -> Setting.choice("r", "mean", "h"));
        assertThrows(InvalidPluginException.class, () -> Setting.choice("r", "mean", "h", "mean", "mean"));
        assertThrows(InvalidPluginException.class, () -> AMSGRAD.atLeast(0));
        assertThrows(InvalidPluginException.class, () -> REDUCTION.inFloat());
    }

    @Test
    void accessors_giveTheDeclaration() {
        assertEquals("beta1", DECAY.name());
        assertEquals(Setting.Kind.NUMBER, DECAY.kind());
        assertEquals(0.9, DECAY.defaultValue());
        assertEquals("decay rate", DECAY.help());
        assertEquals(Setting.Kind.FLAG, AMSGRAD.kind());
        assertEquals(Setting.Kind.TEXT, REDUCTION.kind());
        assertEquals("reduction=mean (one of: mean, sum_over_outputs): how terms are reduced", REDUCTION.toString());
        assertEquals(0.0, Setting.number("x", -0.0, "h").defaultValue(), "−0.0 and 0.0 are one default");
    }
}
