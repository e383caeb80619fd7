package dev.backprop.examples.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingValueTest {

    @Test
    void trueAndFalse_areSwitches() {
        assertEquals(Boolean.TRUE, SettingValue.parse("true"));
        assertEquals(Boolean.FALSE, SettingValue.parse("false"));
    }

    @Test
    void decimalNumbers_areNumbers() {
        assertEquals(0.9, SettingValue.parse("0.9"));
        assertEquals(-2.0, SettingValue.parse("-2"));
        assertEquals(1e-3, SettingValue.parse("1e-3"));
        assertEquals(0.5, SettingValue.parse(".5"));
        assertEquals(3.0, SettingValue.parse("+3."));
    }

    @Test
    void anythingElse_isText() {
        assertEquals("sum_over_outputs", SettingValue.parse("sum_over_outputs"));
        assertEquals("True", SettingValue.parse("True"));
        assertEquals("NaN", SettingValue.parse("NaN"), "no non-finite numbers: the plugin names the text it refuses");
        assertEquals("1f", SettingValue.parse("1f"));
        assertEquals("0x10", SettingValue.parse("0x10"));
        assertEquals("", SettingValue.parse(""));
    }
}
