package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.core.train.EpochReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class EpochPrinterTest {

    private final StringWriter text = new StringWriter();

    @Test
    void finiteLoss_hasSixDecimals() {
        new EpochPrinter(new PrintWriter(text), 1).onEpochEnd(new EpochReport(1, 10, 0.25, 4, 0.002, 0.1));

        assertEquals("epoch  1/10  loss=0.250000  (2.0 ms)" + System.lineSeparator(), text.toString());
    }

    @Test
    void lossThatIsNotFinite_printsAsNanOrInf() {
        EpochPrinter printer = new EpochPrinter(new PrintWriter(text), 1);
        printer.onEpochEnd(new EpochReport(1, 3, Double.NaN, 4, 0.001, 0.1));
        printer.onEpochEnd(new EpochReport(2, 3, Double.POSITIVE_INFINITY, 4, 0.001, 0.1));
        printer.onEpochEnd(new EpochReport(3, 3, Double.NEGATIVE_INFINITY, 4, 0.001, 0.1));

        String[] lines = text.toString().split("\\R");
        assertEquals("epoch 1/3  loss=nan  (1.0 ms)", lines[0]);
        assertEquals("epoch 2/3  loss=inf  (1.0 ms)", lines[1]);
        assertEquals("epoch 3/3  loss=-inf  (1.0 ms)", lines[2]);
    }
}
