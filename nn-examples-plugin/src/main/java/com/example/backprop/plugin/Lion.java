package com.example.backprop.plugin;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Objects;

/**
 * Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms"), id {@code example.lion}: a
 * third-party optimizer that depends on {@code nn-api} only. Every element moves by the same step
 * {@code η}, in the direction of the sign of an interpolation between its momentum and its gradient:
 * <pre>c ← β₁·m + (1 − β₁)·g
 * w ← w − η·(sign(c) + λ·w)
 * m ← β₂·m + (1 − β₂)·g</pre>
 * Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 1e-4: Lion's steps are whole units of
 * η, so it wants 3–10 times less than Adam), {@value #BETA1} {@code β₁} (0.9), {@value #BETA2}
 * {@code β₂} (0.99) and {@value #WEIGHT_DECAY} {@code λ} (0, decoupled as in AdamW).
 *
 * <p>State: one slot, {@value #MOMENTUM_SLOT}, the momentum {@code m} (zero at first). Core allocates
 * it (as {@link #stateSlots()} asks), saves it in checkpoints and hands it back on resume, so this
 * class keeps nothing between calls. Lion never reads {@code state.step()}; a rule with bias correction
 * (Adam) would. Immutable and thread-safe.
 */
public final class Lion extends ConfiguredPlugin implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("example.lion");
    /** The name of β₁, the momentum's weight in the direction. */
    public static final String BETA1 = "beta1";
    /** The name of β₂, the momentum's decay. */
    public static final String BETA2 = "beta2";
    /** The name of λ, the decoupled weight decay. */
    public static final String WEIGHT_DECAY = "weight_decay";
    /** The slot that holds the momentum {@code m}. */
    public static final int MOMENTUM_SLOT = 0;

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(LEARNING_RATE, 1e-4, "η, the size of every step").above(0),
            Setting.number(BETA1, 0.9, "β₁, the momentum's weight in the step's direction").atLeast(0).below(1),
            Setting.number(BETA2, 0.99, "β₂, how slowly the momentum forgets").atLeast(0).below(1),
            Setting.number(WEIGHT_DECAY, 0.0, "λ, decoupled weight decay (0: none)").atLeast(0));

    private final double learningRate = number(LEARNING_RATE);
    private final double beta1 = number(BETA1);
    private final double beta2 = number(BETA2);
    private final double weightDecay = number(WEIGHT_DECAY);

    /** Lion with its default settings (the public no-argument constructor ServiceLoader needs). */
    public Lion() {
        this(Hyperparameters.none());
    }

    private Lion(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Lion withHyperparameters(Hyperparameters requested) {
        return SETTINGS.apply(this, requested, Lion::new);
    }

    /** One slot: the momentum. */
    @Override
    public int stateSlots() {
        return 1;
    }

    /**
     * Updates elements {@code [from, to)}: element {@code i} reads and writes element {@code i} of the
     * parameter, the gradient and the momentum only, so core may update ranges on several threads.
     *
     * @throws IndexOutOfBoundsException if {@code [from, to)} does not lie inside every array
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        float[] momentum = state.slot(MOMENTUM_SLOT);
        int length = Math.min(parameter.length, Math.min(gradient.length, momentum.length));
        Objects.checkFromToIndex(from, to, length);
        for (int i = from; i < to; i++) {
            double g = gradient[i];
            double m = momentum[i];
            double direction = Math.signum(beta1 * m + (1 - beta1) * g);
            parameter[i] = (float) (parameter[i] - learningRate * (direction + weightDecay * parameter[i]));
            momentum[i] = (float) (beta2 * m + (1 - beta2) * g);
        }
    }
}
