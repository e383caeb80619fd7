package dev.backprop.core.data;

/**
 * Feature values kept as unsigned bytes (pixels), each read as the float {@code (b & 0xff) / divisor}:
 * with a divisor of 255 exactly the floats an image reader would have stored, in a quarter of the
 * memory. The division is done in float arithmetic, so it is correctly rounded and the same on every
 * read.
 */
record ByteFeatures(byte[] values, float divisor) implements FeatureStore {

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public void read(int from, float[] into, int at, int count) {
        float d = divisor;
        for (int i = 0; i < count; i++) {
            into[at + i] = (values[from + i] & 0xff) / d;
        }
    }

    @Override
    public FeatureStore rows(int[] indices, int width, int size) {
        byte[] selected = new byte[size];
        for (int row = 0; row < indices.length; row++) {
            System.arraycopy(values, indices[row] * width, selected, row * width, width);
        }
        return new ByteFeatures(selected, divisor);
    }
}
