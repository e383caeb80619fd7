package dev.backprop.examples.mnist;

import dev.backprop.examples.options.OptionDefaults;
import java.util.Locale;
import java.util.Map;

/**
 * The defaults of {@code mnist} and its subcommands: the Fashion-MNIST subset shipped in
 * {@code data/fashion-mnist-small}, the model in {@code runs/mnist/model.bpnn}, and the default
 * {@link TrainOptions.Preset}'s network and training settings.
 */
public final class MnistDefaults extends OptionDefaults {

    /** Built by picocli for {@code @Command(defaultValueProvider = MnistDefaults.class)}. */
    public MnistDefaults() {
        super(values());
    }

    private static Map<String, String> values() {
        TrainOptions.Preset preset = TrainOptions.Preset.DEFAULT;
        return Map.ofEntries(Map.entry("--data", inHome("data/fashion-mnist-small")),
                Map.entry("--model", "runs/mnist/model.bpnn"), Map.entry("--preset", "default"),
                Map.entry("--hidden", String.join(",", preset.hidden.stream().map(String::valueOf).toList())),
                Map.entry("--activation", preset.activation), Map.entry("--output", preset.output),
                Map.entry("--dropout", String.valueOf(preset.dropout)), Map.entry("--loss", preset.loss),
                Map.entry("--optimizer", preset.optimizer),
                Map.entry("--learning-rate", String.valueOf(preset.learningRate)),
                Map.entry("--schedule", preset.schedule.name().toLowerCase(Locale.ROOT)),
                Map.entry("--batch", String.valueOf(preset.batch)),
                Map.entry("--epochs", String.valueOf(preset.epochs)),
                Map.entry("--seed", "42"), Map.entry("--threads", processors()), Map.entry("--validation", "0.1"),
                Map.entry("--checkpoint-every", "1"));
    }
}
