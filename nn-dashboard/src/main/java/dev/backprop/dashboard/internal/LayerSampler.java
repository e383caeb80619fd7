package dev.backprop.dashboard.internal;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.PassTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures every dense layer of a network: the norms and histogram of its weights, and, with a
 * {@link ProbeBatch}, its gradient norm and the histogram of its activations on the probe. Runs on the
 * training thread, between steps.
 */
public final class LayerSampler {

    private final Network network;
    private final ProbeBatch probe;
    private final int bins;

    /**
     * @param network the network trained
     * @param probe   the probe batch, or null to measure the weights only
     * @param bins    the bins per histogram
     */
    public LayerSampler(Network network, ProbeBatch probe, int bins) {
        this.network = network;
        this.probe = probe;
        this.bins = bins;
    }

    /** Whether gradients and activations are measured too. */
    public boolean probes() {
        return probe != null;
    }

    /** A measurement now, at training position {@code x} and {@code t} seconds into the run. */
    public Views.Sample sample(double x, double t) {
        PassTrace trace = probe == null ? null : probe.measure();
        List<Parameter> parameters = network.parameters();
        List<Views.LayerSample> layers = new ArrayList<>();
        for (int i = 0; 2 * i + 1 < parameters.size(); i++) {
            Parameter weights = parameters.get(2 * i);
            Parameter biases = parameters.get(2 * i + 1);
            double gradientNorm = trace == null ? Double.NaN : Histograms.norm(trace.gradients().get(weights.name()));
            Views.Histogram activations = trace == null ? null : Histograms.of(trace.layers().get(i).a(), bins);
            layers.add(new Views.LayerSample(layerName(weights), Histograms.norm(weights.values()),
                    Histograms.norm(biases.values()), gradientNorm, Histograms.of(weights.values(), bins),
                    activations));
        }
        return new Views.Sample(x, t, trace == null ? Double.NaN : trace.loss(), layers);
    }

    /** {@code dense_1} for {@code dense_1.weight}. */
    static String layerName(Parameter weights) {
        String name = weights.name();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
