package dev.backprop.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /**
     * Rows actual, columns predicted. Class 0: 5 examples, 4 right; class 1: 3 examples, 2 right;
     * class 2: 2 examples, none right.
     */
    private static final ConfusionMatrix THREE_CLASSES = ConfusionMatrix.ofCounts(new long[][] {
            {4, 1, 0},
            {1, 2, 0},
            {1, 1, 0}});

    @Test
    void counts_areReadByActualThenPredicted() {
        assertEquals(3, THREE_CLASSES.classes());
        assertEquals(4, THREE_CLASSES.count(0, 0));
        assertEquals(1, THREE_CLASSES.count(0, 1));
        assertEquals(1, THREE_CLASSES.count(2, 0));
        assertEquals(0, THREE_CLASSES.count(2, 2));
        assertEquals(10, THREE_CLASSES.total());
    }

    @Test
    void accuracy_isTheDiagonalOverTheTotal() {
        assertEquals(6.0 / 10, THREE_CLASSES.accuracy(), 1e-12);
    }

    @Test
    void precisionRecallF1AndSupport_followTheirDefinitions() {
        // class 0: predicted 6 times, 4 right; 5 examples
        assertEquals(4.0 / 6, THREE_CLASSES.precision(0), 1e-12);
        assertEquals(4.0 / 5, THREE_CLASSES.recall(0), 1e-12);
        assertEquals(2 * (4.0 / 6) * (4.0 / 5) / (4.0 / 6 + 4.0 / 5), THREE_CLASSES.f1(0), 1e-12);
        assertEquals(5, THREE_CLASSES.support(0));
        // class 1: predicted 4 times, 2 right; 3 examples
        assertEquals(0.5, THREE_CLASSES.precision(1), 1e-12);
        assertEquals(2.0 / 3, THREE_CLASSES.recall(1), 1e-12);
        assertEquals(4.0 / 7, THREE_CLASSES.f1(1), 1e-12);
        assertEquals(3, THREE_CLASSES.support(1));
        assertEquals(2, THREE_CLASSES.support(2));
    }

    @Test
    void zeroDenominators_giveZeroInsteadOfNaN() {
        // class 2 is never predicted (precision 0/0) and recall is 0/2, so F1 is 0/0 as well
        assertEquals(0, THREE_CLASSES.precision(2));
        assertEquals(0, THREE_CLASSES.recall(2));
        assertEquals(0, THREE_CLASSES.f1(2));
        ConfusionMatrix noExamplesOfClass1 = ConfusionMatrix.ofCounts(new long[][] {{3, 0}, {0, 0}});
        assertEquals(0, noExamplesOfClass1.recall(1));
        assertEquals(0, noExamplesOfClass1.support(1));
        ConfusionMatrix empty = ConfusionMatrix.ofCounts(new long[][] {{0, 0}, {0, 0}});
        assertEquals(0, empty.accuracy());
        assertEquals(0, empty.total());
    }

    @Test
    void ofCounts_copiesItsInput() {
        long[][] counts = {{1, 0}, {0, 1}};
        ConfusionMatrix matrix = ConfusionMatrix.ofCounts(counts);
        counts[0][0] = 99;
        assertEquals(1, matrix.count(0, 0));
    }

    @Test
    void ofCounts_rejectsEmptyRaggedAndNegativeCounts() {
        assertThrows(InvalidConfigurationException.class, () -> ConfusionMatrix.ofCounts(new long[0][]));
        InvalidConfigurationException ragged = assertThrows(InvalidConfigurationException.class,
                () -> ConfusionMatrix.ofCounts(new long[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("expected 2 counts in row 1") && ragged.getMessage().contains("found 1"),
                ragged.getMessage());
        InvalidConfigurationException negative = assertThrows(InvalidConfigurationException.class,
                () -> ConfusionMatrix.ofCounts(new long[][] {{1, -2}, {3, 4}}));
        assertTrue(negative.getMessage().contains("counts[0][1] is -2"), negative.getMessage());
    }

    @Test
    void unknownClass_namesTheValidRange() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> THREE_CLASSES.recall(3));
        assertTrue(e.getMessage().contains("classes 0 to 2"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> THREE_CLASSES.count(0, -1));
    }

    @Test
    void fromNetwork_oneHotTargets_countsArgMaxOfOutputsAgainstArgMaxOfTargets() {
        Network network = passThrough(3);
        // The network outputs its inputs, so each feature row's largest value is the prediction.
        Dataset data = Dataset.of(
                new float[][] {{0.9f, 0.1f, 0}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0, 0.2f, 0.8f}, {0.1f, 0.8f, 0.1f}},
                new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
        ConfusionMatrix matrix = ConfusionMatrix.of(network, data);
        assertEquals(ConfusionMatrix.ofCounts(new long[][] {{1, 0, 0}, {1, 1, 0}, {0, 1, 1}}), matrix);
        assertEquals(Evaluation.accuracy(network, data), matrix.accuracy(), 1e-12);
    }

    @Test
    void fromNetwork_integerLabels_countLikeOneHotTargets() {
        Network network = passThrough(3);
        Dataset data = Dataset.of(
                new float[][] {{0.9f, 0.1f, 0}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0, 0.2f, 0.8f}},
                new float[][] {{0}, {1}, {1}, {2}});
        assertEquals(ConfusionMatrix.ofCounts(new long[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}}),
                ConfusionMatrix.of(network, data));
    }

    @Test
    void fromNetwork_manyBatches_countsEveryExampleOnce() {
        Network network = passThrough(2);
        int size = 1000; // several of the 256-row batches, the last one partial
        float[][] features = new float[size][];
        float[][] labels = new float[size][];
        for (int i = 0; i < size; i++) {
            features[i] = i % 3 == 0 ? new float[] {1, 0} : new float[] {0, 1};
            labels[i] = new float[] {i % 2};
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(network, Dataset.of(features, labels));
        assertEquals(size, matrix.total());
        assertEquals(Evaluation.accuracy(network, Dataset.of(features, labels)), matrix.accuracy(), 1e-12);
        assertEquals(500, matrix.support(0));
    }

    @Test
    void fromNetwork_oneOutput_isBinaryAtOneHalf() {
        Network network = passThrough(1);
        Dataset data = Dataset.of(new float[][] {{0.7f}, {0.2f}, {0.5f}, {0.4f}}, new float[][] {{1}, {0}, {0}, {1}});
        ConfusionMatrix matrix = ConfusionMatrix.of(network, data);
        assertEquals(2, matrix.classes());
        assertEquals(ConfusionMatrix.ofCounts(new long[][] {{1, 1}, {1, 1}}), matrix);
    }

    @Test
    void fromNetwork_labelThatIsNoClass_saysWhichExampleAndTheValidLabels() {
        Network network = passThrough(3);
        Dataset data = Dataset.of(new float[][] {{1, 0, 0}, {0, 1, 0}}, new float[][] {{0}, {3}});
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ConfusionMatrix.of(network, data));
        assertTrue(e.getMessage().startsWith("Example 1 has the class label 3.0")
                && e.getMessage().contains("whole numbers from 0 to 2"), e.getMessage());
        Dataset fractional = Dataset.of(new float[][] {{1, 0, 0}}, new float[][] {{0.5f}});
        assertThrows(InvalidConfigurationException.class, () -> ConfusionMatrix.of(network, fractional));
    }

    @Test
    void fromNetwork_targetsOfAnotherWidth_areRejectedWithTheExpectedWidths() {
        Network network = passThrough(3);
        Dataset data = Dataset.of(new float[][] {{1, 0, 0}}, new float[][] {{1, 0}});
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> ConfusionMatrix.of(network, data));
        assertEquals(3, e.expected());
        assertEquals(2, e.actual());
        assertTrue(e.getMessage().contains("one integer class label"), e.getMessage());
    }

    @Test
    void equalMatrices_areEqualAndPrintTheirRows() {
        ConfusionMatrix same = ConfusionMatrix.ofCounts(new long[][] {{4, 1, 0}, {1, 2, 0}, {1, 1, 0}});
        assertEquals(THREE_CLASSES, same);
        assertEquals(THREE_CLASSES.hashCode(), same.hashCode());
        assertEquals("ConfusionMatrix[[4, 1, 0], [1, 2, 0], [1, 1, 0]]", THREE_CLASSES.toString());
    }

    /** A one-layer identity network whose weights are the identity matrix: it outputs its inputs. */
    private static Network passThrough(int width) {
        Network network = Network.builder().input(width).dense(width, "identity").build();
        float[] weights = network.parameters().get(0).values();
        Arrays.fill(weights, 0);
        for (int i = 0; i < width; i++) {
            weights[i * width + i] = 1;
        }
        Arrays.fill(network.parameters().get(1).values(), 0);
        return network;
    }

    @Test
    void ofCounts_ofMoreClassesThanOneArrayHolds_isRefusedBeforeAllocating() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ConfusionMatrix.ofCounts(new long[50_000][]));
        assertEquals("A confusion matrix of 50000 classes needs 2500000000 counts in one array, more than the"
                + " 2147483639 a Java array holds: it is for at most 46340 classes; measure accuracy with Evaluation"
                + " instead.", e.getMessage());
    }
}
