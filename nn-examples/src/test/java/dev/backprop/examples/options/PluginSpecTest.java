package dev.backprop.examples.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one grammar of --activation, --loss, --optimizer and --init: ID[:NAME=VALUE,...]. */
class PluginSpecTest {

    @Test
    void aBareId_hasNoSettings() {
        assertEquals(new PluginSpec("relu", Hyperparameters.none()), PluginSpec.parse("relu"));
    }

    @Test
    void settings_areNumbersSwitchesAndText() {
        PluginSpec spec = PluginSpec.parse("thirdparty.scaled_tanh:a=1.5,b=-0.5,exact=true,mode=fast,tiny=1e-3");

        assertEquals("thirdparty.scaled_tanh", spec.id());
        assertEquals(Hyperparameters.of(Map.of("a", 1.5, "b", -0.5, "exact", true, "mode", "fast", "tiny", 1e-3)),
                spec.settings());
    }

    @Test
    void quotes_keepCommasAndMakeNumbersText_andSpacesAroundAreIgnored() {
        PluginSpec spec = PluginSpec.parse("x.y:mode=\"a,b\", tag='1' , flag=\"true\"");

        assertEquals("a,b", spec.settings().value("mode"));
        assertEquals("1", spec.settings().value("tag"));
        assertEquals("true", spec.settings().value("flag"));
    }

    @Test
    void toString_writesTheChoiceBack() {
        assertEquals("adam:beta1=0.95", PluginSpec.parse("adam:beta1=0.95").toString());
        assertEquals("relu", PluginSpec.parse("relu").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "adam:=0.9                     | has a value without a name",
        "adam:beta1=0.9,beta1=0.8      | sets 'beta1' twice",
        "adam:beta1                    | the setting 'beta1' without a value",
        "adam:beta1=                   | gives 'beta1' no value",
        "adam:beta1=0.9,               | has an empty setting",
        "adam:,beta1=0.9               | has an empty setting",
        "adam:                         | has nothing after its ':'",
        ":beta1=0.9                    | has no plugin id",
        "x.y:mode=\"a,b                | opens a quote (\") that is never closed",
        "x.y:mode=\"a\"b               | is followed by 'b'",
        "x.y:mode=''                   | gives 'mode' empty text"})
    void badChoices_sayWhatIsWrong(String choice, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginSpec.parse(choice));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(choice.strip()) || e.getMessage().contains("'" + choice.strip() + "'"),
                "names the choice as typed: " + e.getMessage());
    }
}
