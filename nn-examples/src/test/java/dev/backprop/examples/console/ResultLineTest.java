package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void classification_endsWithAccuracyAndSeconds() {
        assertEquals("result: example=xor epochs=3000 train_loss=0.000435 accuracy=1.000 seconds=0.42",
                ResultLine.classification("xor", 3000, 0.00043512, 1.0, 0.4213));
    }

    @Test
    void regression_reportsRmseInsteadOfAccuracy() {
        assertEquals("result: example=sine epochs=60 train_loss=0.000210 rmse=0.014512 seconds=2.50",
                ResultLine.regression("sine", 60, 0.00021, 0.0145123, 2.5));
    }

    @Test
    void aTestedRun_namesItsTestLoss_andATrainedAndTestedOneBoth() {
        assertEquals("result: example=mnist-evaluate epochs=20 test_loss=0.300000 accuracy=0.880 seconds=0.50",
                ResultLine.tested("mnist-evaluate", 20, 0.3, 0.88, 0.5));
        assertEquals("result: example=mnist epochs=20 train_loss=0.250000 test_loss=0.300000 accuracy=0.880"
                + " seconds=9.00", ResultLine.trainedAndTested("mnist", 20, 0.25, 0.3, 0.88, 9));
    }

    @Test
    void figures_useADecimalPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("result: example=iris epochs=100 train_loss=0.100000 accuracy=0.900 seconds=1.25",
                    ResultLine.classification("iris", 100, 0.1, 0.9, 1.25));
        } finally {
            Locale.setDefault(before);
        }
    }
}
