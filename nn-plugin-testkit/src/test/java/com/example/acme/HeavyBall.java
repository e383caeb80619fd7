package com.example.acme;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/** A third-party optimizer: plain gradient descent with momentum kept in one slot. */
public final class HeavyBall implements Optimizer {

    private static final PluginId ID = PluginId.of("acme.heavy_ball");
    private final double learningRate;
    private final double momentum;

    public HeavyBall() {
        this(0.01, 0.5);
    }

    public HeavyBall(double learningRate, double momentum) {
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new InvalidHyperparameterException("acme.heavy_ball: learning_rate > 0 and momentum in [0, 1)");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.of(LEARNING_RATE, learningRate, "momentum", momentum);
    }

    @Override
    public Optimizer withHyperparameters(Hyperparameters requested) {
        requested.requireKnownNames(ID, hyperparameters().names());
        Hyperparameters all = hyperparameters().withAll(requested);
        return new HeavyBall(all.get(LEARNING_RATE, learningRate), all.get("momentum", momentum));
    }

    @Override
    public int stateSlots() {
        return 1;
    }

    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        if (from < 0 || to > parameter.length || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + parameter.length);
        }
        float[] velocity = state.slot(0);
        for (int i = from; i < to; i++) {
            velocity[i] = (float) (momentum * velocity[i] - learningRate * gradient[i]);
            parameter[i] += velocity[i];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeavyBall other && other.learningRate == learningRate && other.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(learningRate) * 31 + Double.hashCode(momentum);
    }
}
