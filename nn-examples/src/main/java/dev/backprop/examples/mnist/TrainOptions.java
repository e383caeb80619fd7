package dev.backprop.examples.mnist;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.examples.dashboard.DashboardOption;
import dev.backprop.examples.options.ConfigFileOption;
import dev.backprop.examples.options.DataOption;
import dev.backprop.examples.options.ExplicitOptions;
import dev.backprop.examples.options.HiddenLayersOption;
import dev.backprop.examples.options.LimitOption;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.options.RunOverrides;
import dev.backprop.examples.options.TrainingLoopOptions;
import dev.backprop.examples.options.ValidationOption;
import dev.backprop.io.config.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of {@code ./backprop mnist} (and {@code mnist train}). Network and training settings
 * start from a {@link Preset}; each option given on the command line overrides its preset value (the
 * defaults that the usage help shows are the default preset's, {@link MnistDefaults}).
 */
public final class TrainOptions {

    /** The network and training options a resumed run takes from its checkpoint, in the order errors list them. */
    private static final List<String> NEW_RUN_OPTIONS = List.of("--config", "--preset", "--hidden", "--activation",
            "--output", "--dropout", "--init", "--loss", "--optimizer", "--learning-rate", "--activation-setting",
            "--loss-setting", "--optimizer-setting", "--schedule", "--batch", "--seed");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private DataOption data;

    @Mixin
    private ModelOption model;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private HiddenLayersOption hidden;

    @Mixin
    private PluginChoices plugins;

    @Mixin
    private TrainingLoopOptions loop;

    @Mixin
    private ValidationOption validation;

    @Mixin
    private LimitOption limit;

    @Mixin
    private ClassNamesOption classes;

    @Mixin
    private DashboardOption dashboard;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Starting settings: default or seed. default: 784-512-256-10 ReLU, dropout 0.2, softmax +"
                    + " cross-entropy, Adam 1e-3 with cosine decay, batch 128, 20 epochs (the defaults shown here)."
                    + " seed: the seed's setup, 784-100-10 sigmoid, the seed's error E = 1/n Σ (a − y)² (mse with"
                    + " reduction=sum_over_outputs), plain gradient descent (learning rate 0.25), batch 32, 10 epochs. Options given"
                    + " explicitly override the preset's values; --config FILE replaces the preset.")
    private Preset preset;

    @Option(names = "--output", paramLabel = "ID", description = "Output layer's activation id (seed preset: sigmoid).")
    private String output;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "Dropout after each hidden layer, in [0, 1) (seed preset: 0).")
    private Double dropout;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Learning rate per epoch: constant, or cosine (decay to 2%% of the initial rate)"
                    + " (seed preset: constant).")
    private ScheduleName schedule;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Save a resumable checkpoint to --model every N epochs and after the last.")
    private int checkpointEvery;

    @Option(names = "--resume", description = "Go on from the checkpoint in --model with its network and settings"
            + " (--epochs may raise the total, and with a cosine schedule a new total re-spreads the decay;"
            + " --threads, --data, --validation and --limit as before). Gives the weights the uninterrupted run"
            + " would have had.")
    private boolean resume;

    /** The cosine schedule's last rate, as a share of the first. */
    private static final double COSINE_FLOOR = 0.02;

    /** Learning-rate schedules offered on the command line. */
    enum ScheduleName { CONSTANT, COSINE }

    /** Network and training settings to start from. */
    enum Preset {
        /** The example's default: reaches about 0.90 test accuracy on full Fashion-MNIST in about 40 s on 2 cores. */
        DEFAULT(List.of(512, 256), "relu", "softmax", 0.2, "categorical_cross_entropy", Hyperparameters.none(),
                "adam", 1e-3, ScheduleName.COSINE, 128, 20),
        /**
         * The seed's setup, with the seed's error {@code E = 1/n Σ (a_out − y)²}: mse summed over the 10 outputs
         * and averaged over the examples ({@code reduction=sum_over_outputs}). Its gradient is 10 times the
         * default mean's, so lr 0.25 takes exactly the steps of lr 2.5 with the mean, and of lr 0.5 on
         * ½·Σ(o − y)² (the peers' benchmark setup).
         */
        SEED(List.of(100), "sigmoid", "sigmoid", 0.0, "mse",
                Hyperparameters.of(MeanSquaredError.REDUCTION, MeanSquaredError.SUM_OVER_OUTPUTS), "sgd", 0.25,
                ScheduleName.CONSTANT, 32, 10);

        final List<Integer> hidden;
        final String activation;
        final String output;
        final double dropout;
        final String loss;
        final Hyperparameters lossSettings;
        final String optimizer;
        final double learningRate;
        final ScheduleName schedule;
        final int batch;
        final int epochs;

        Preset(List<Integer> hidden, String activation, String output, double dropout, String loss,
               Hyperparameters lossSettings, String optimizer, double learningRate, ScheduleName schedule, int batch,
               int epochs) {
            this.hidden = hidden;
            this.activation = activation;
            this.output = output;
            this.dropout = dropout;
            this.loss = loss;
            this.lossSettings = lossSettings;
            this.optimizer = optimizer;
            this.learningRate = learningRate;
            this.schedule = schedule;
            this.batch = batch;
            this.epochs = epochs;
        }
    }

    /** The MNIST-format folder. */
    Path data() {
        return data.path();
    }

    /** The model file. */
    Path model() {
        return model.file();
    }

    /** How many training images to use, if limited. */
    OptionalInt limit() {
        return limit.limit();
    }

    /** The share of the training images held out for validation. */
    double validation() {
        return validation.fraction();
    }

    /** Epochs between checkpoints. */
    int checkpointEvery() {
        return checkpointEvery;
    }

    /** Whether to go on from the checkpoint in {@link #model()}. */
    boolean resume() {
        return resume;
    }

    /** The options that say which data a run trains on, as typed ({@code --data x --limit 600}), for resuming it. */
    List<String> dataOptions() {
        return explicit().typed(List.of("--data", "--limit", "--validation", "--classes", "--checkpoint-every"));
    }

    /** The names of the ten classes of {@link #data()}. */
    List<String> classNames() {
        return classes.namesFor(data());
    }

    /** The seed. */
    long seed() {
        return loop.seed();
    }

    /**
     * The options that describe a new network or its training, given on this command line; a resumed run
     * takes all of them from its checkpoint.
     */
    List<String> newRunOptions() {
        ExplicitOptions explicit = explicit();
        return NEW_RUN_OPTIONS.stream().filter(explicit::given).toList();
    }

    /**
     * The run these options describe, for {@code inputs} features and {@code classCount} outputs: the
     * {@code --config} file's, or the preset's, with the options given explicitly laid over it.
     *
     * @param data the data, as messages name it
     */
    RunConfig run(PluginRegistry registry, int inputs, int classCount, String data) {
        ExplicitOptions explicit = explicit();
        plugins.check(registry);
        return configFile.load(registry, inputs, classCount, data)
                .map(new RunOverrides(explicit, hidden, plugins, loop, new RunOverrides.NetworkExtras(
                        explicit.orNull("--output", output), explicit.orNull("--dropout", dropout),
                        explicit.given("--schedule") ? schedule(schedule) : null))::applyTo)
                .orElseGet(() -> new RunConfig(network(inputs, classCount), seed(), config()));
    }

    /**
     * Checks what can be checked before any file is read.
     *
     * @throws InvalidConfigurationException if both --config and --preset were given
     */
    void check() {
        if (configFile.file().isPresent() && explicit().given("--preset")) {
            throw new InvalidConfigurationException("--config and --preset both give the starting settings: give one"
                    + " (options given explicitly then override single values of it).");
        }
    }

    /** The network these options describe, for {@code inputs} features and {@code classes} outputs. */
    private NetworkSpec network(int inputs, int classCount) {
        ExplicitOptions explicit = explicit();
        NetworkBuilder builder = Network.builder().input(inputs);
        double rate = explicit.or("--dropout", dropout, preset.dropout);
        for (int width : explicit.or("--hidden", hidden.widths(), preset.hidden)) {
            plugins.dense(builder, width, explicit.or("--activation", plugins.activation(), preset.activation),
                    plugins.activationSettings());
            if (rate > 0) {
                builder.dropout(rate);
            }
        }
        return plugins.dense(builder, classCount, explicit.or("--output", output, preset.output),
                Hyperparameters.none()).spec();
    }

    /** The training configuration these options describe. */
    private TrainingConfig config() {
        ExplicitOptions explicit = explicit();
        double learningRate = explicit.or("--learning-rate", plugins.learningRate(), preset.learningRate);
        return TrainingConfig.builder()
                .loss(explicit.or("--loss", plugins.loss(), preset.loss), explicit.given("--loss")
                        ? plugins.lossSettings() : preset.lossSettings.withAll(plugins.lossSettings()))
                .optimizer(explicit.or("--optimizer", plugins.optimizer(), preset.optimizer),
                        plugins.optimizerHyperparameters(learningRate))
                .epochs(explicit.or("--epochs", loop.epochs(), preset.epochs))
                .batchSize(explicit.or("--batch", loop.batch(), preset.batch)).seed(seed()).threads(loop.threads())
                .schedule(schedule(explicit.or("--schedule", schedule, preset.schedule)))
                .build();
    }

    private static LearningRateSchedule schedule(ScheduleName name) {
        return name == ScheduleName.COSINE ? LearningRateSchedule.cosine(COSINE_FLOOR) : LearningRateSchedule.constant();
    }

    /** The configuration saved in a checkpoint, with this run's threads and (if given) a new epoch total. */
    TrainingConfig resumed(TrainingConfig saved) {
        int epochs = explicit().or("--epochs", loop.epochs(), saved.epochs());
        return saved.withSettings(saved.settings().toBuilder().epochs(epochs).threads(loop.threads()).build());
    }

    private ExplicitOptions explicit() {
        return ExplicitOptions.of(command);
    }

    /** {@code --dashboard [PORT]}. */
    public DashboardOption dashboard() {
        return dashboard;
    }
}
