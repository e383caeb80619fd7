package dev.backprop.core.data;

/** Feature values kept as floats, read by copying. */
record FloatFeatures(float[] values) implements FeatureStore {

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public void read(int from, float[] into, int at, int count) {
        System.arraycopy(values, from, into, at, count);
    }

    @Override
    public FeatureStore rows(int[] indices, int width, int size) {
        float[] selected = new float[size];
        for (int row = 0; row < indices.length; row++) {
            System.arraycopy(values, indices[row] * width, selected, row * width, width);
        }
        return new FloatFeatures(selected);
    }
}
