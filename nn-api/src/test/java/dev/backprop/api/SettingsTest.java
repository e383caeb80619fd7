package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final PluginId ID = PluginId.of("acme.adam");
    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number("learning_rate", 0.001, "step size").atLeast(Float.MIN_VALUE).atMost(Float.MAX_VALUE),
            Setting.number("beta1", 0.9, "decay rate").atLeast(0).below(1).inFloat(),
            Setting.flag("amsgrad", false, "AMSGrad"),
            Setting.choice("reduction", "mean", "reduction", "mean", "sum"));

    @Test
    void defaults_holdEverySettingInDeclaredOrder() {
        assertEquals(Hyperparameters.of(Map.of("learning_rate", 0.001, "beta1", 0.9, "amsgrad", false,
                "reduction", "mean")), SETTINGS.defaults());
        assertEquals(List.of("learning_rate", "beta1", "amsgrad", "reduction"), List.copyOf(SETTINGS.names()));
        assertEquals("beta1", SETTINGS.list().get(1).name());
        assertEquals(ID, SETTINGS.pluginId());
        assertTrue(SETTINGS.isDeclared());
        assertEquals(Setting.Kind.FLAG, SETTINGS.find("amsgrad").orElseThrow().kind());
        assertTrue(SETTINGS.find("gamma").isEmpty());
    }

    @Test
    void validate_addsDefaultsAndTurnsOldNumbersIntoSwitches() {
        Hyperparameters values = SETTINGS.validate(Hyperparameters.of("amsgrad", 1).with("beta1", 0.5));
        assertEquals(Boolean.TRUE, values.value("amsgrad"));
        assertEquals(0.5, values.get("beta1", 0), 0.0);
        assertEquals("mean", values.text("reduction", ""));
        assertEquals(Boolean.FALSE, SETTINGS.validate(Hyperparameters.of("amsgrad", 0)).value("amsgrad"));
    }

    @Test
    void check_keepsOnlyTheRequestedNames() {
        assertEquals(Hyperparameters.of("amsgrad", true), SETTINGS.check(Hyperparameters.of("amsgrad", 1)));
        assertEquals(Hyperparameters.none(), SETTINGS.check(Hyperparameters.none()));
    }

    @Test
    void unknownName_listsTheAcceptedOnesAndSuggestsTheOneSpelledAlike() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> SETTINGS.check(Hyperparameters.of("learningRate", 0.1)));
        assertEquals("Plugin 'acme.adam' has no hyperparameter 'learningRate'. It accepts: amsgrad, beta1,"
                + " learning_rate, reduction. Did you mean 'learning_rate'? Remove 'learningRate' or check its"
                + " spelling.", e.getMessage());
    }

    @Test
    void outOfRange_wrongKindAndBadChoice_areRefused() {
        assertThrows(InvalidHyperparameterException.class, () -> SETTINGS.check(Hyperparameters.of("beta1", 1)));
        assertThrows(InvalidHyperparameterException.class,
                () -> SETTINGS.check(Hyperparameters.of("learning_rate", 1e-46)));
        assertThrows(InvalidHyperparameterException.class,
                () -> SETTINGS.check(Hyperparameters.of("learning_rate", "fast")));
        assertThrows(InvalidHyperparameterException.class, () -> SETTINGS.check(Hyperparameters.of("amsgrad", 0.5)));
        assertThrows(InvalidHyperparameterException.class,
                () -> SETTINGS.check(Hyperparameters.of("reduction", "max")));
    }

    @Test
    void sameNameTwice_isADeclarationMistake() {
        InvalidPluginException e = assertThrows(InvalidPluginException.class, () -> Settings.of(ID,
                Setting.number("alpha", 1, "h"), Setting.flag("alpha", true, "h")));
        assertTrue(e.getMessage().contains("'alpha' twice"), e.getMessage());
    }

    @Test
    void apply_returnsTheSamePluginUnlessAValueChanges() {
        Probe probe = new Probe(Hyperparameters.none());
        assertSame(probe, SETTINGS.apply(probe, Hyperparameters.none(), Probe::new));
        assertSame(probe, SETTINGS.apply(probe, Hyperparameters.of("amsgrad", 0), Probe::new));
        assertSame(probe, SETTINGS.apply(probe, Hyperparameters.of("beta1", 0.9), Probe::new));
        Probe changed = SETTINGS.apply(probe, Hyperparameters.of("amsgrad", 1), Probe::new);
        assertEquals(Boolean.TRUE, changed.hyperparameters().value("amsgrad"));
        assertEquals(0.9, changed.hyperparameters().get("beta1", 0), 0.0);
        assertEquals(Boolean.FALSE, probe.hyperparameters().value("amsgrad"), "the original is unchanged");
    }

    @Test
    void requireUnchanged_refusesAChangeSayingHowToSupportIt() {
        Probe probe = new Probe(Hyperparameters.none());
        assertSame(probe, SETTINGS.requireUnchanged(probe, Hyperparameters.of("reduction", "mean")));
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> SETTINGS.requireUnchanged(probe, Hyperparameters.of("reduction", "sum")));
        assertTrue(e.getMessage().contains("does not implement withHyperparameters"), e.getMessage());
        assertTrue(e.getMessage().contains("override withHyperparameters"), e.getMessage());
    }

    @Test
    void undeclared_describesTheReportedValuesWithoutRanges() {
        Settings undeclared = Settings.undeclared(ID, Hyperparameters.of("alpha", 5.0).with("on", true)
                .with("mode", "fast"));
        assertFalse(undeclared.isDeclared());
        assertEquals(Hyperparameters.of("alpha", 5.0).with("on", true).with("mode", "fast"), undeclared.defaults());
        assertEquals("any number", undeclared.find("alpha").orElseThrow().allowed());
        assertEquals("any text", undeclared.find("mode").orElseThrow().allowed());
        assertEquals("", undeclared.find("on").orElseThrow().help());
        assertEquals(Hyperparameters.of("alpha", -1e300), undeclared.check(Hyperparameters.of("alpha", -1e300)));
    }

    /** A plugin that holds whatever SETTINGS validate. */
    private static final class Probe implements Plugin {
        private final Hyperparameters values;

        Probe(Hyperparameters values) {
            this.values = SETTINGS.validate(values);
        }

        @Override
        public PluginId id() {
            return ID;
        }

        @Override
        public Hyperparameters hyperparameters() {
            return values;
        }
    }
}
