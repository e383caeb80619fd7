package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BlockedProduct} reads the left operand in place when its steps are contiguous and the column
 * block is narrow (on 8-row tiles), and packs it otherwise; the right operand likewise in place or packed.
 * Every path must give the same fused chain per element, so the same operands stored with other strides
 * (which forces packing: row by row, or step by step for a transposed operand) give the same bits. Where
 * the tile has fewer than 8 rows every path packs the left operand, and the comparisons check the packers
 * and the right operand's paths.
 */
class BlockedProductTest {

    static Stream<Arguments> shapes() {
        // rows: one partial tile, whole tiles, a partial last tile, more than IN_PLACE_ROWS;
        // columns: one partial panel, within and beyond LEFT_IN_PLACE_COLUMNS; depth: one and several blocks
        return Stream.of(
                Arguments.of(3, 7, 5), Arguments.of(8, 32, 16), Arguments.of(13, 100, 100),
                Arguments.of(32, 784, 100), Arguments.of(45, 300, 64), Arguments.of(70, 129, 70),
                Arguments.of(32, 257, 200), Arguments.of(17, 1, 33));
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void leftInPlace_givesTheBitsOfTheLeftPacked_andRightStridesDoNotMatter(int rows, int depth, int columns) {
        SplittableRandom random = new SplittableRandom(rows * 31L + depth * 7L + columns);
        float[] left = ProductReference.random(rows * depth, 0.1, random);
        float[] right = ProductReference.random(depth * columns, 0.1, random);
        float[] bias = ProductReference.random(columns, 0, random);

        float[] contiguous = wholeProduct(left, right, bias, rows, depth, columns);

        // the same left operand with its steps two apart: it cannot be read in place
        float[] spreadLeft = new float[rows * depth * 2];
        for (int i = 0; i < rows * depth; i++) {
            spreadLeft[2 * i] = left[i];
            spreadLeft[2 * i + 1] = Float.NaN;
        }
        float[] leftPacked = new float[rows * columns];
        BlockedProduct.multiply(spreadLeft, 2 * depth, 2, right, columns, 1, bias, 0, leftPacked, columns, depth,
                0, rows, 0, columns);
        assertArrayEquals(contiguous, leftPacked, "left read in place against packed");

        // the same left operand transposed (its rows side by side, steps a row apart): packed step by step
        float[] leftTransposed = transposed(left, rows, depth);
        float[] leftByStep = new float[rows * columns];
        BlockedProduct.multiply(leftTransposed, 1, rows, right, columns, 1, bias, 0, leftByStep, columns, depth,
                0, rows, 0, columns);
        assertArrayEquals(contiguous, leftByStep, "left read in place against its transpose packed");

        // the right operand transposed (column stride = depth): packed instead of read in place
        float[] rightTransposed = transposed(right, depth, columns);
        float[] bothPacked = new float[rows * columns];
        BlockedProduct.multiply(spreadLeft, 2 * depth, 2, rightTransposed, 1, depth, bias, 0, bothPacked, columns,
                depth, 0, rows, 0, columns);
        assertArrayEquals(contiguous, bothPacked, "both operands read in place against both packed");

        ProductReference.assertClose(ProductReference.multiplyAddBias(left, right, bias, rows, depth, columns),
                contiguous, depth, "against the double reference");
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void anyRectangleOfTheOutput_isTheSameBitsAsTheWhole(int rows, int depth, int columns) {
        SplittableRandom random = new SplittableRandom(rows * 17L + depth * 5L + columns);
        float[] left = ProductReference.random(rows * depth, 0.1, random);
        float[] right = ProductReference.random(depth * columns, 0.1, random);

        float[] whole = wholeProduct(left, right, null, rows, depth, columns);

        // four quadrants split off-tile: each rectangle may take another path (in place or packed, edges)
        int rowSplit = rows / 2 + 1 > rows ? rows : rows / 2 + 1;
        int columnSplit = columns / 3 + 1 > columns ? columns : columns / 3 + 1;
        float[] pieces = new float[rows * columns];
        int[][] rectangles = {{0, rowSplit, 0, columnSplit}, {0, rowSplit, columnSplit, columns},
                {rowSplit, rows, 0, columnSplit}, {rowSplit, rows, columnSplit, columns}};
        for (int[] r : rectangles) {
            BlockedProduct.multiply(left, depth, 1, right, columns, 1, null, 0, pieces, columns, depth,
                    r[0], r[1], r[2], r[3]);
        }
        assertArrayEquals(whole, pieces, "quadrants against the whole");
    }

    /**
     * Right operands whose rows are padded with NaN (the edge panel's dropped lanes read it), several column
     * and depth blocks, and rectangles that start off the first column, as a thread's share does: every
     * element is exactly the scalar chain {@code fma} over the steps in order, and nothing is read outside
     * the arrays (they are exactly as long as the matrices).
     */
    @ParameterizedTest(name = "{0}x{1}x{2}, right rows padded by {3}, columns from {4}")
    @MethodSource("paddedShapes")
    void paddedRightRows_severalBlocks_offsetColumns_areTheScalarChainBitForBit(int rows, int depth, int columns,
                                                                               int padding, int columnFrom) {
        SplittableRandom random = new SplittableRandom(rows * 13L + depth * 3L + columns + padding);
        int rightStride = columns + padding;
        float[] left = ProductReference.random(rows * depth, 0.1, random);
        float[] right = new float[(depth - 1) * rightStride + columns];
        Arrays.fill(right, Float.NaN);
        for (int q = 0; q < depth; q++) {
            for (int j = 0; j < columns; j++) {
                right[q * rightStride + j] = (float) random.nextDouble(-1, 1);
            }
        }
        float[] bias = ProductReference.random(columns, 0, random);
        float[] out = new float[rows * columns];
        BlockedProduct.multiply(left, depth, 1, right, rightStride, 1, bias, 0, out, columns, depth,
                0, rows, columnFrom, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = columnFrom; j < columns; j++) {
                float sum = bias[j];
                for (int q = 0; q < depth; q++) {
                    sum = Math.fma(left[i * depth + q], right[q * rightStride + j], sum);
                }
                assertEquals(Float.floatToIntBits(sum), Float.floatToIntBits(out[i * columns + j]),
                        "element (" + i + ", " + j + ")");
            }
        }
    }

    static Stream<Arguments> paddedShapes() {
        return Stream.of(
                Arguments.of(32, 784, 100, 0, 0), Arguments.of(32, 784, 100, 5, 33), Arguments.of(9, 257, 70, 16, 1),
                Arguments.of(8, 129, 1100, 3, 0), Arguments.of(13, 300, 1060, 0, 31), Arguments.of(64, 2, 20, 17, 3));
    }

    /** {@code bias + left·right} of contiguous row-major operands, over the whole output at once. */
    private static float[] wholeProduct(float[] left, float[] right, float[] bias, int rows, int depth, int columns) {
        float[] product = new float[rows * columns];
        BlockedProduct.multiply(left, depth, 1, right, columns, 1, bias, 0, product, columns, depth,
                0, rows, 0, columns);
        return product;
    }

    /** The {@code columns × rows} transpose of a row-major {@code rows × columns} matrix. */
    private static float[] transposed(float[] matrix, int rows, int columns) {
        float[] transposed = new float[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                transposed[j * rows + i] = matrix[i * columns + j];
            }
        }
        return transposed;
    }
}
