package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void classification_endsWithAccuracyAndSeconds() {
        assertEquals("result: example=xor epochs=3000 loss=0.000435 accuracy=1.000 seconds=0.42",
                ResultLine.classification("xor", 3000, 0.00043512, 1.0, 0.4213));
    }

    @Test
    void regression_reportsRmseInsteadOfAccuracy() {
        assertEquals("result: example=sine epochs=60 loss=0.000210 rmse=0.014512 seconds=2.50",
                ResultLine.regression("sine", 60, 0.00021, 0.0145123, 2.5));
    }

    @Test
    void figures_useADecimalPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("result: example=iris epochs=100 loss=0.100000 accuracy=0.900 seconds=1.25",
                    ResultLine.classification("iris", 100, 0.1, 0.9, 1.25));
        } finally {
            Locale.setDefault(before);
        }
    }
}
