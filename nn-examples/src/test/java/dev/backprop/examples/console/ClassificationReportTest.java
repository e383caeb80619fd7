package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.ConfusionMatrixReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    /** Rows actual, columns predicted: cat 4 of 5 right, dog 2 of 3, bird never predicted. */
    private static final ConfusionMatrix PETS = ConfusionMatrix.ofCounts(new long[][] {
            {4, 1, 0},
            {1, 2, 0},
            {1, 1, 0}});

    /** The layout itself is ConfusionMatrixReportTest's (nn-core); here: the examples print exactly that text. */
    @Test
    void printsTheLibrarysReport_forTheFashionMnistNames() {
        long[][] counts = new long[10][10];
        for (int actual = 0; actual < 10; actual++) {
            counts[actual][actual] = 900 + actual;
            counts[actual][(actual + 3) % 10] = 100 - actual;
        }
        ConfusionMatrix matrix = ConfusionMatrix.ofCounts(counts);
        String printed = print(new ClassificationReport(ClassificationReport.FASHION_MNIST_CLASSES), matrix);
        assertEquals(new ConfusionMatrixReport(ClassificationReport.FASHION_MNIST_CLASSES).format(matrix), printed);
        assertTrue(printed.startsWith("accuracy 0.9"), printed);
        assertTrue(printed.contains("9 Ankle boot"), printed);
    }

    @Test
    void namesThatDoNotMatchTheMatrix_sayHowManyOfEach() {
        ClassificationReport report = new ClassificationReport(List.of("cat", "dog"));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> print(report, PETS));
        assertTrue(e.getMessage().startsWith("The report has 2 class names but the confusion matrix has 3 classes"),
                e.getMessage());
    }

    @Test
    void noNames_isRejected() {
        assertThrows(InvalidConfigurationException.class, () -> new ClassificationReport(List.of()));
    }

    private static String print(ClassificationReport report, ConfusionMatrix matrix) {
        StringWriter text = new StringWriter();
        report.print(matrix, new PrintWriter(text));
        return text.toString();
    }
}
