package dev.backprop.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/**
 * A dataset of byte features reads, gathers, copies and selects exactly the floats {@code pixel / 255f}
 * that the same data stored as floats gives, for every byte value.
 */
class ByteFeaturesTest {

    private static final int WIDTH = 256;
    private static final int ROWS = 3;

    /** Row r holds every byte value, shifted by r. */
    private static byte[] pixels() {
        byte[] pixels = new byte[ROWS * WIDTH];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i + i / WIDTH);
        }
        return pixels;
    }

    private static float[] asFloats(byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        return values;
    }

    private static float[] targets() {
        float[] targets = new float[ROWS * 2];
        for (int r = 0; r < ROWS; r++) {
            targets[r * 2 + r % 2] = 1f;
        }
        return targets;
    }

    @Test
    void byteFeatures_readAsTheFloatsPixelOver255_inEveryAccessor() {
        Dataset bytes = Dataset.adoptUnsignedBytes(pixels(), WIDTH, 255f, targets(), 2);
        Dataset floats = Dataset.adopt(asFloats(pixels()), WIDTH, targets(), 2);
        assertEquals(floats.size(), bytes.size());
        for (int r = 0; r < ROWS; r++) {
            assertArrayEquals(floats.features(r), bytes.features(r), "row " + r);
            assertArrayEquals(floats.targets(r), bytes.targets(r), "targets of row " + r);
        }
        int[] order = {2, 0, 1};
        float[] expectedFeatures = new float[ROWS * WIDTH];
        float[] expectedTargets = new float[ROWS * 2];
        floats.gather(order, 0, ROWS, expectedFeatures, expectedTargets);
        float[] gatheredFeatures = new float[ROWS * WIDTH];
        float[] gatheredTargets = new float[ROWS * 2];
        bytes.gather(order, 0, ROWS, gatheredFeatures, gatheredTargets);
        assertArrayEquals(expectedFeatures, gatheredFeatures);
        assertArrayEquals(expectedTargets, gatheredTargets);
        floats.copyRange(1, 2, expectedFeatures, expectedTargets);
        bytes.copyRange(1, 2, gatheredFeatures, gatheredTargets);
        assertArrayEquals(expectedFeatures, gatheredFeatures);
        Dataset selected = bytes.select(new int[] {2, 2, 0});
        assertEquals(3, selected.size());
        assertArrayEquals(floats.features(2), selected.features(1));
        assertArrayEquals(floats.features(0), selected.features(2));
    }

    @Test
    void everyByteValue_readsAsItsFloatQuotient_forAnyDivisor() {
        byte[] pixels = pixels();
        for (float divisor : new float[] {1f, 3f, 255f, 256f, 1e-3f, 7.3e6f}) {
            Dataset bytes = Dataset.adoptUnsignedBytes(pixels, WIDTH, divisor, targets(), 2);
            for (int r = 0; r < ROWS; r++) {
                float[] row = bytes.features(r);
                for (int c = 0; c < WIDTH; c++) {
                    int b = pixels[r * WIDTH + c] & 0xff;
                    assertEquals(Float.floatToIntBits(b / divisor), Float.floatToIntBits(row[c]),
                            "byte " + b + " over " + divisor);
                }
            }
        }
    }

    @Test
    void byteFeatures_refuseADivisorThatIsNotFiniteAndPositive_andBadShapes() {
        for (float divisor : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThrows(InvalidConfigurationException.class,
                    () -> Dataset.adoptUnsignedBytes(pixels(), WIDTH, divisor, targets(), 2), "divisor " + divisor);
        }
        assertThrows(ShapeMismatchException.class, () -> Dataset.adoptUnsignedBytes(pixels(), WIDTH - 1, 255f,
                targets(), 2));
        assertThrows(ShapeMismatchException.class, () -> Dataset.adoptUnsignedBytes(pixels(), WIDTH, 255f,
                new float[ROWS], 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Dataset.adoptUnsignedBytes(pixels(), WIDTH, 255f,
                targets(), 2).features(ROWS));
    }
}
