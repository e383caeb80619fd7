package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfiguredPluginTest {

    /** A plugin with one setting of each kind, written as a plugin author would. */
    static final class Sample extends ConfiguredPlugin {
        static final Settings SETTINGS = Settings.of(PluginId.of("acme.sample"),
                Setting.number("alpha", 0.5, "slope").atLeast(0).below(1),
                Setting.flag("fast", false, "take the fast path"),
                Setting.choice("mode", "plain", "how to compute", "plain", "fancy"));

        final double alpha = number("alpha");
        final boolean fast = flag("fast");
        final String mode = text("mode");

        Sample() {
            this(Hyperparameters.none());
        }

        Sample(Hyperparameters values) {
            super(SETTINGS, values);
        }

        Sample withHyperparameters(Hyperparameters requested) {
            return SETTINGS.apply(this, requested, Sample::new);
        }
    }

    /** Reads a setting it never declared: a mistake of the plugin's author. */
    static final class Careless extends ConfiguredPlugin {
        Careless() {
            super(Sample.SETTINGS, Hyperparameters.none());
        }

        double gamma() {
            return number("gamma");
        }

        boolean alphaAsFlag() {
            return flag("alpha");
        }
    }

    @Test
    void fields_readTheCheckedValues() {
        Sample sample = new Sample(Hyperparameters.of("alpha", 0.25).with("fast", true).with("mode", "fancy"));
        assertEquals(0.25, sample.alpha);
        assertTrue(sample.fast);
        assertEquals("fancy", sample.mode);
        assertEquals(PluginId.of("acme.sample"), sample.id());
        assertSame(Sample.SETTINGS, sample.settings());
    }

    @Test
    void defaults_fillWhatIsNotGiven() {
        assertEquals(Sample.SETTINGS.defaults(), new Sample().hyperparameters());
    }

    @Test
    void constructor_refusesBadValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Sample(Hyperparameters.of("alpha", 1)));
        assertThrows(InvalidHyperparameterException.class, () -> new Sample(Hyperparameters.of("mode", "odd")));
        assertThrows(InvalidHyperparameterException.class, () -> new Sample(Hyperparameters.of("beta", 1)));
    }

    @Test
    void equality_followsClassAndValues() {
        Sample sample = new Sample();
        assertEquals(new Sample(), sample);
        assertEquals(new Sample().hashCode(), sample.hashCode());
        assertEquals(PluginId.of("acme.sample").hashCode() * 31 + sample.hyperparameters().hashCode(),
                sample.hashCode());
        Sample changed = sample.withHyperparameters(Hyperparameters.of("fast", 1));
        assertNotEquals(sample, changed);
        assertEquals(new Sample(Hyperparameters.of("fast", true)), changed);
        assertNotEquals(sample, new Careless(), "another class with the same values");
        assertSame(sample, sample.withHyperparameters(Hyperparameters.of("mode", "plain")));
    }

    @Test
    void toString_isTheIdAndTheValues() {
        assertEquals("acme.sample{alpha=0.5, fast=false, mode=plain}", new Sample().toString());
    }

    @Test
    void readingAnUndeclaredSettingOrTheWrongKind_namesTheMistake() {
        InvalidPluginException missing = assertThrows(InvalidPluginException.class, () -> new Careless().gamma());
        assertTrue(missing.getMessage().contains("'gamma'") && missing.getMessage().contains("do not declare it"),
                missing.getMessage());
        InvalidPluginException kind = assertThrows(InvalidPluginException.class, () -> new Careless().alphaAsFlag());
        assertTrue(kind.getMessage().contains("as a Boolean") && kind.getMessage().contains("the number 0.5"),
                kind.getMessage());
    }
}
