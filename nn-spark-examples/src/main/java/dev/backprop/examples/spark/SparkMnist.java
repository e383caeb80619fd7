package dev.backprop.examples.spark;

import dev.backprop.api.BackpropException;
import dev.backprop.core.data.Dataset;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.options.DataOption;
import dev.backprop.examples.options.HiddenLayersOption;
import dev.backprop.examples.options.LimitOption;
import dev.backprop.examples.options.OptionDefaults;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.spark.BackpropClassificationModel;
import dev.backprop.spark.BackpropClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop spark-mnist}: trains an MLP classifier on an MNIST-format folder through Spark
 * (nn-spark's {@link BackpropClassifier}, synchronous data-parallel steps or, with
 * {@code --sync-every k}, parameter averaging every k steps), reports the mean training loss of each
 * epoch and the test accuracy, and ends with the usual {@code result:} line. The network has no dropout
 * and a constant learning rate: compare it with
 * {@code ./backprop mnist --dropout 0 --schedule constant --validation 0}.
 */
@Command(name = "spark-mnist", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        defaultValueProvider = SparkMnist.Defaults.class,
        description = {"Trains an MLP classifier on an MNIST-format folder through Apache Spark (nn-spark's"
                + " BackpropClassifier): each step's gradients are summed over the partitions with treeAggregate and"
                + " applied once, or, with --sync-every k, each partition takes k steps before the weights and"
                + " optimizer state are averaged. Prints each epoch's training loss, the test accuracy and a"
                + " result line."})
public final class SparkMnist implements Callable<Integer> {

    /** Exit status of a run refused for bad input. */
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master: local[N] runs N executor threads in this JVM; under spark-submit the"
                    + " default is the master it was given (spark://, yarn, k8s://; see README).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the training data (0: the master's default parallelism).")
    int partitions;

    @Option(names = "--sync-every", paramLabel = "K",
            description = "1: one synchronous step per batch (the single-machine run, summed in another order);"
                    + " K > 1: each partition takes K local steps, then weights and optimizer state are averaged.")
    int syncEvery;

    @Mixin
    DataOption data;

    @Mixin
    LimitOption limit;

    @Mixin
    HiddenLayersOption hidden;

    @Option(names = "--activation", paramLabel = "ID", description = "Hidden layers' activation (output: softmax).")
    String activation;

    @Option(names = "--optimizer", paramLabel = "ID", description = "Optimizer id, such as sgd, momentum or adam.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "The optimizer's learning rate.")
    double learningRate;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data.")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per gradient step, over all partitions.")
    int batch;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights and the shuffling.")
    long seed;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Also save the trained Spark model (params and model.bpnn) to this folder, replacing it.")
    Path model;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors of bad input as one {@code error:} line and exit status 2. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SparkMnist());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            Throwable cause = exception;
            while (!(cause instanceof BackpropException || cause instanceof IllegalArgumentException
                    || cause instanceof UncheckedIOException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof BackpropException || cause instanceof IllegalArgumentException
                    || cause instanceof UncheckedIOException) {
                cmd.getErr().println("error: " + cause.getMessage());
                cmd.getErr().flush();
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MnistData mnist = limit.limit().isPresent() ? MnistFolder.load(data.path(), limit.limit().getAsInt())
                : MnistFolder.load(data.path());
        int[] layers = layers(mnist.train().featureWidth(), mnist.train().targetWidth());
        SparkSession spark = SparkSession.builder().master(master).appName("backprop spark-mnist")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        try {
            int parts = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
            org.apache.spark.sql.Dataset<Row> train = frame(spark, mnist.train()).repartition(parts).cache();
            org.apache.spark.sql.Dataset<Row> test = frame(spark, mnist.test());
            out.printf(Locale.ROOT, "%s: %d training and %d test images in %d partitions on %s; network %s %s,"
                            + " softmax; %s (learning rate %s), batch %d, %d epochs, sync every %d step%s%n",
                    data.path(), mnist.train().size(), mnist.test().size(), parts, master, join(layers), activation,
                    optimizer, learningRate, batch, epochs, syncEvery, syncEvery == 1 ? "" : "s");
            out.flush();
            BackpropClassifier classifier = new BackpropClassifier().setLayers(layers).setActivation(activation)
                    .setLoss("sparse_categorical_cross_entropy").setOptimizer(optimizer).setLearningRate(learningRate)
                    .setBatchSize(batch).setMaxIter(epochs).setSeed(seed).setSyncEvery(syncEvery);
            long start = System.nanoTime();
            BackpropClassificationModel trained = classifier.fit(train);
            double trainingSeconds = (System.nanoTime() - start) / 1e9;
            double[] losses = trained.objectiveHistory();
            for (int epoch = 1; epoch <= losses.length; epoch++) {
                out.printf(Locale.ROOT, "epoch %d/%d loss=%.6f%n", epoch, losses.length, losses[epoch - 1]);
            }
            double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                    .evaluate(trained.transform(test));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "training took %.1f s (%.2f s per epoch); test accuracy %.4f%n", trainingSeconds,
                    trainingSeconds / epochs, accuracy);
            if (model != null) {
                save(trained, model);
                out.println("model saved to " + model);
            }
            out.println(ResultLine.classification("spark-mnist", epochs, losses[losses.length - 1], accuracy,
                    seconds));
            out.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Spark's layer list: the input width, the hidden widths, the classes. */
    private int[] layers(int inputs, int classes) {
        List<Integer> widths = hidden.widths();
        int[] layers = new int[widths.size() + 2];
        layers[0] = inputs;
        for (int i = 0; i < widths.size(); i++) {
            layers[i + 1] = widths.get(i);
        }
        layers[layers.length - 1] = classes;
        return layers;
    }

    /** The examples as rows of (features vector, label index): the one-hot targets' hot column. */
    private static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset examples) {
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            float[] pixels = examples.features(i);
            double[] values = new double[pixels.length];
            for (int k = 0; k < pixels.length; k++) {
                values[k] = pixels[k];
            }
            rows.add(RowFactory.create(Vectors.dense(values), (double) hotColumn(examples.targets(i))));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static int hotColumn(float[] oneHot) {
        int hot = 0;
        for (int k = 1; k < oneHot.length; k++) {
            if (oneHot[k] > oneHot[hot]) {
                hot = k;
            }
        }
        return hot;
    }

    private static void save(BackpropClassificationModel trained, Path folder) {
        try {
            trained.write().overwrite().save(folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the model to " + folder + ": " + e.getMessage()
                    + ". Check that the folder's parent exists and is writable.", e);
        }
    }

    private static String join(int[] layers) {
        StringBuilder text = new StringBuilder().append(layers[0]);
        for (int i = 1; i < layers.length; i++) {
            text.append('-').append(layers[i]);
        }
        return text.toString();
    }

    /**
     * The defaults: the shipped Fashion-MNIST subset, the mnist example's network without dropout, and
     * local[2], or the master spark-submit passes ({@code spark.master}).
     */
    public static final class Defaults extends OptionDefaults {

        /** Built by picocli. */
        public Defaults() {
            super(Map.ofEntries(Map.entry("--master", System.getProperty("spark.master", "local[2]")), Map.entry("--partitions", "0"),
                    Map.entry("--sync-every", "1"), Map.entry("--data", inHome("data/fashion-mnist-small")),
                    Map.entry("--hidden", "512,256"), Map.entry("--activation", "relu"),
                    Map.entry("--optimizer", "adam"), Map.entry("--learning-rate", "0.001"),
                    Map.entry("--epochs", "10"), Map.entry("--batch", "128"), Map.entry("--seed", "42")));
        }
    }
}
