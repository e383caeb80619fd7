package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.io.model.LoadedModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./backprop mnist predict}: a saved model's class, with its probability, for chosen test images. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = MnistDefaults.class,
        description = "Predicts the class of test images of an MNIST-format folder with a saved model, and shows"
                + " each image as text beside its predicted and true class.")
public final class MnistPredictCommand implements Callable<Integer> {

    private static final String SHADES = " .:-=+*#%@";
    private static final int SIDE = 28;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SavedModelOptions options;

    @Option(names = "--first", defaultValue = "0", paramLabel = "INDEX",
            description = "Index of the first test image.")
    private int first;

    @Option(names = "--count", defaultValue = "5", paramLabel = "N",
            description = "How many images.")
    private int count;

    @Option(names = "--pictures", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw each 28 × 28 image as text (--no-pictures for one line per image).")
    private boolean pictures;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    MnistPredictCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry plugins = registry.get();
        SavedModelOptions.ModelAndTest opened = options.open(spec, plugins);
        LoadedModel model = opened.model();
        Network network = model.network();
        Dataset test = opened.test();
        if (first < 0 || count < 1 || first >= test.size() || count > test.size() - first) {
            throw new InvalidConfigurationException("--first " + first + " --count " + count + " asks for images "
                    + first + " to " + (first + count - 1) + ", but the test set has images 0 to " + (test.size() - 1)
                    + ": choose --first from 0 and --count from 1 within that range.");
        }
        List<String> names = options.classNames();
        int correct = 0;
        for (int i = first; i < first + count; i++) {
            float[] image = test.features(i);
            float[] probabilities = network.predict(image);
            int predicted = Evaluation.argMax(probabilities, 0, probabilities.length);
            int actual = Evaluation.argMax(test.targets(i), 0, test.targetWidth());
            correct += predicted == actual ? 1 : 0;
            if (pictures && image.length == SIDE * SIDE) {
                draw(image, out);
            }
            out.printf(Locale.ROOT, "image %d: predicted %s (p=%.3f), actually %s%s%n", i, names.get(predicted),
                    probabilities[predicted], names.get(actual), predicted == actual ? "" : "  <- wrong");
        }
        int[] shown = IntStream.range(first, first + count).toArray();
        TestReport report = TestReport.measure(network, test.select(shown), plugins, MnistPredictions.loss(model));
        out.printf(Locale.ROOT, "%d of %d right%n", correct, count);
        out.println(ResultLine.tested("mnist-predict", model.trainedEpochs(),
                report.loss(), report.accuracy(), (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
    }

    private static void draw(float[] image, PrintWriter out) {
        for (int row = 0; row < SIDE; row += 2) {
            StringBuilder line = new StringBuilder("  ");
            for (int column = 0; column < SIDE; column++) {
                float shade = Math.max(image[row * SIDE + column], image[(row + 1) * SIDE + column]);
                line.append(SHADES.charAt(Math.min(SHADES.length() - 1, (int) (shade * SHADES.length()))));
            }
            out.println(line);
        }
    }
}
