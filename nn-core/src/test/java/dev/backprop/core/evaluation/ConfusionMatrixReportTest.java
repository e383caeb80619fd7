package dev.backprop.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixReportTest {

    /** Rows actual, columns predicted: cat 4 of 5 right, dog 2 of 3, bird never predicted. */
    private static final ConfusionMatrix PETS = ConfusionMatrix.ofCounts(new long[][] {
            {4, 1, 0},
            {1, 2, 0},
            {1, 1, 0}});

    @Test
    void tinyMatrix_givesAccuracyPerClassFiguresWithNamesAndTheAlignedMatrix() {
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

        assertEquals(expected, new ConfusionMatrixReport(List.of("cat", "dog", "bird")).format(PETS));
    }

    @Test
    void tenClassesWithWideCounts_stayAligned() {
        long[][] counts = new long[10][10];
        for (int actual = 0; actual < 10; actual++) {
            counts[actual][actual] = 900 + actual;
            counts[actual][(actual + 1) % 10] = 1000 - counts[actual][actual] + 12_000 * (actual == 3 ? 1 : 0);
        }
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        String text = new ConfusionMatrixReport(names).format(ConfusionMatrix.ofCounts(counts));

        List<String> lines = text.lines().toList();
        int matrixStart = lines.indexOf("confusion matrix (rows: actual class, columns: predicted class)");
        List<String> matrixLines = lines.subList(matrixStart + 1, lines.size());
        assertEquals(11, matrixLines.size(), text);
        assertTrue(matrixLines.get(1).startsWith("0 T-shirt/top    900  "), matrixLines.get(1));
        int width = matrixLines.get(0).length();
        for (String line : matrixLines) {
            assertEquals(width, line.length(), "every matrix line as wide as the header:\n" + text);
        }
        assertTrue(matrixLines.get(0).endsWith("    9"), "column numbers right-aligned over 5-digit counts");
        assertEquals("accuracy 0.4111 (9045 of 22000)", lines.get(0));
        assertEquals(lines.get(2).length(), lines.get(5).length(), "per-class rows as wide as their header");
    }

    @Test
    void numbered_labelsTheClassesByNumberAlone() {
        List<String> lines = ConfusionMatrixReport.numbered(3).format(PETS).lines().toList();
        assertEquals("0" + " ".repeat(8) + "     0.6667  0.8000  0.7273        5", lines.get(3));
        assertEquals("2" + " ".repeat(8) + "  1  1  0", lines.get(lines.size() - 1));
    }

    @Test
    void namesThatDoNotMatchTheMatrix_sayHowManyOfEach() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new ConfusionMatrixReport(List.of("cat", "dog")).format(PETS));
        assertTrue(e.getMessage().startsWith("The report has 2 class names but the confusion matrix has 3 classes"),
                e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> new ConfusionMatrixReport(List.of()));
        assertThrows(InvalidConfigurationException.class, () -> ConfusionMatrixReport.numbered(0));
    }
}
