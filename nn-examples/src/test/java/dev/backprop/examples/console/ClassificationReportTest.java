package dev.backprop.examples.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
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

    @Test
    void tinyMatrix_printsAccuracyPerClassFiguresAndTheAlignedMatrix() {
        String expected = String.join(System.lineSeparator(),
                "accuracy 0.6000 (6 of 10)",
                "",
                "class      precision  recall      f1  support",
                "0 cat         0.6667  0.8000  0.7273        5",  // p = 4/6, r = 4/5, f1 = 16/22
                "1 dog         0.5000  0.6667  0.5714        3",  // p = 2/4, r = 2/3, f1 = 4/7
                "2 bird        0.0000  0.0000  0.0000        2",  // never predicted: 0/0 counts as 0
                "macro avg     0.3889  0.4889  0.4329       10",
                "",
                "confusion matrix (rows: actual class, columns: predicted class)",
                "           0  1  2",
                "0 cat      4  1  0",
                "1 dog      1  2  0",
                "2 bird     1  1  0",
                "");

        assertEquals(expected, print(new ClassificationReport(List.of("cat", "dog", "bird")), PETS));
    }

    @Test
    void fashionMnist_tenClassesWithWideCounts_staysAligned() {
        long[][] counts = new long[10][10];
        for (int actual = 0; actual < 10; actual++) {
            counts[actual][actual] = 900 + actual;
            counts[actual][(actual + 1) % 10] = 1000 - counts[actual][actual] + 12_000 * (actual == 3 ? 1 : 0);
        }
        String text = print(new ClassificationReport(ClassificationReport.FASHION_MNIST_CLASSES),
                ConfusionMatrix.ofCounts(counts));

        List<String> lines = text.lines().toList();
        int matrixStart = lines.indexOf("confusion matrix (rows: actual class, columns: predicted class)");
        List<String> matrixLines = lines.subList(matrixStart + 1, lines.size());
        assertEquals(11, matrixLines.size(), text);
        assertTrue(matrixLines.get(1).startsWith("0 T-shirt/top    900  "), matrixLines.get(1));
        assertTrue(matrixLines.get(10).startsWith("9 Ankle boot   "), matrixLines.get(10));
        int width = matrixLines.get(0).length();
        for (String line : matrixLines) {
            assertEquals(width, line.length(), "every matrix line as wide as the header:\n" + text);
        }
        assertTrue(matrixLines.get(0).endsWith("    9"), "column numbers right-aligned over 5-digit counts");
        assertTrue(lines.get(3).startsWith("0 T-shirt/top  "), lines.get(3));
        assertEquals("accuracy 0.4111 (9045 of 22000)", lines.get(0)); // diagonal 900 + … + 909
        assertEquals(lines.get(2).length(), lines.get(5).length(), "per-class rows as wide as their header");
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
