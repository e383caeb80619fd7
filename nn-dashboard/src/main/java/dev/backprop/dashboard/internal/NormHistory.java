package dev.backprop.dashboard.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The norms of every sample of a run, for the charts over time: at most {@code capacity} kept; when full,
 * every other one is dropped, so the kept ones stay spread over the whole run. Not thread-safe: the
 * {@link Publisher}'s thread owns it.
 */
public final class NormHistory {

    private final int capacity;
    private final List<Views.NormPoint> points = new ArrayList<>();

    /** @param capacity the most points kept, at least 2 */
    public NormHistory(int capacity) {
        this.capacity = Math.max(2, capacity);
    }

    /** Keeps the norms of {@code sample}. */
    public void add(Views.Sample sample) {
        if (points.size() == capacity) {
            List<Views.NormPoint> kept = new ArrayList<>();
            for (int i = 0; i < points.size(); i += 2) {
                kept.add(points.get(i));
            }
            points.clear();
            points.addAll(kept);
        }
        points.add(normsOf(sample));
    }

    /** The norms of {@code sample}'s layers. */
    public static Views.NormPoint normsOf(Views.Sample sample) {
        List<Views.LayerSample> layers = sample.layers();
        double[] weights = new double[layers.size()];
        double[] gradients = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            weights[i] = layers.get(i).weightNorm();
            gradients[i] = layers.get(i).gradientNorm();
        }
        return new Views.NormPoint(sample.x(), sample.t(), weights, gradients);
    }

    /** The points kept, in order. */
    public List<Views.NormPoint> points() {
        return List.copyOf(points);
    }
}
