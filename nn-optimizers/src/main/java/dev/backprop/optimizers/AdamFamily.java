package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Adam}, {@link AdamW}, {@link Adamax} and {@link Nadam} share: the settings
 * {@value Optimizer#LEARNING_RATE} {@code η}, {@code beta1} {@code β₁} and {@code beta2} {@code β₂}
 * (decay rates in {@code [0, 1)}) and {@code epsilon} {@code ε}, declared once and read into fields
 * that the update rules use.
 */
abstract class AdamFamily extends ConfiguredPlugin implements Optimizer {

    /** The name of β₁, the decay rate of the first-moment average. */
    public static final String BETA1 = "beta1";
    /** The name of β₂, the decay rate of the second-moment average (Adamax: of the infinity norm). */
    public static final String BETA2 = "beta2";
    /** The name of ε, the constant that keeps the denominator away from zero. */
    public static final String EPSILON = OptimizerSettings.EPSILON;
    /** The state slot holding the first moment m. */
    public static final int FIRST_MOMENT_SLOT = 0;
    /** The default β₁. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The default β₂. */
    public static final double DEFAULT_BETA2 = 0.999;

    /** The learning rate η. */
    final double learningRate = number(LEARNING_RATE);
    /** β₁, the decay rate of the first-moment average. */
    final double beta1 = number(BETA1);
    /** β₂, the decay rate of the second-moment average (Adamax: of the infinity norm). */
    final double beta2 = number(BETA2);
    /** ε, the constant that keeps the denominator away from zero. */
    final double epsilon = number(EPSILON);

    AdamFamily(Settings settings, Hyperparameters values) {
        super(settings, values);
    }

    /** Two: the first moment m and the second moment v (Adamax: the infinity norm u). */
    @Override
    public int stateSlots() {
        return 2;
    }

    /**
     * The settings of a family member: η, β₁, β₂ and ε with these defaults, then {@code more}.
     *
     * @param secondDecay what β₂ averages, for its help line
     */
    static Settings settings(PluginId id, double learningRate, double beta1, double beta2, double epsilon,
                             String secondDecay, Setting... more) {
        List<Setting> all = new ArrayList<>(List.of(
                OptimizerSettings.learningRate(learningRate),
                OptimizerSettings.decayRate(BETA1, beta1, "β₁, decay rate of the average of gradients"),
                OptimizerSettings.decayRate(BETA2, beta2, "β₂, decay rate of " + secondDecay),
                OptimizerSettings.epsilon(epsilon)));
        all.addAll(List.of(more));
        return Settings.of(id, all);
    }

    /** The four shared values, for the members' typed constructors. */
    static Hyperparameters values(double learningRate, double beta1, double beta2, double epsilon) {
        return Hyperparameters.of(LEARNING_RATE, learningRate, BETA1, beta1).with(BETA2, beta2)
                .with(EPSILON, epsilon);
    }
}
