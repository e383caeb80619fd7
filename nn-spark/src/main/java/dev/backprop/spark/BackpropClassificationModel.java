package dev.backprop.spark;

import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A trained Backprop classifier as a Spark ML model. {@link #transform} scores rows in blocks of
 * {@value BlockScorer#BLOCK_ROWS} through the network's batched kernels, the network shipped to the
 * executors once per transform (a broadcast), and adds three columns, following Spark's
 * {@code ProbabilisticClassificationModel} conventions:
 * <ul>
 *   <li>{@code probabilityCol}: the softmax outputs {@code p} (they sum to 1);</li>
 *   <li>{@code rawPredictionCol}: {@code ln p}, the log-probabilities: logits up to a constant per row,
 *       so a softmax of the raw prediction gives the probability back, and the largest raw value is the
 *       largest probability (as for Spark's own MultilayerPerceptronClassificationModel, whose raw
 *       predictions are pre-softmax scores);</li>
 *   <li>{@code predictionCol}: the index of the largest probability, as a double.</li>
 * </ul>
 * An empty column name leaves that column out. Saved with {@code write().save(path)}: Spark's params
 * metadata plus the network as {@value #MODEL_FILE} (Backprop's model file, readable by the CLI and
 * {@link ModelFiles}), written through Hadoop's FileSystem; loaded with {@link #load(String)}.
 */
public final class BackpropClassificationModel extends Model<BackpropClassificationModel> implements MLWritable {

    private static final long serialVersionUID = 1L;
    /** The name of the network's file inside a saved model's folder. */
    public static final String MODEL_FILE = "model.bpnn";

    private final String uid;
    private final NetworkRecipe recipe;
    private final Gradients weights;
    private final double[] objectiveHistory;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    BackpropClassificationModel(String uid, NetworkRecipe recipe, Gradients weights, double[] objectiveHistory) {
        this.uid = uid;
        this.recipe = recipe;
        this.weights = weights;
        this.objectiveHistory = objectiveHistory.clone();
        featuresCol = new Param<>(this, "featuresCol", "features column name (a vector column)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        probabilityCol = new Param<>(this, "probabilityCol", "column of the predicted class probabilities");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "column of the raw scores (log-probabilities)");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    public BackpropClassificationModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public BackpropClassificationModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public BackpropClassificationModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    public BackpropClassificationModel setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    /**
     * The mean training loss of each epoch, first to last (as Spark's {@code objectiveHistory}); empty for a
     * model loaded from disk, whose file keeps the weights only.
     */
    public double[] objectiveHistory() {
        return objectiveHistory.clone();
    }

    /** The number of classes (the output layer's width). */
    public int numClasses() {
        return recipe.outputWidth();
    }

    /** The width of the feature vectors. */
    public int numFeatures() {
        return recipe.inputWidth();
    }

    /** The layer sizes, Spark-style: {@code [inputs, hidden..., classes]}. */
    public int[] layers() {
        return recipe.layers();
    }

    /** A new Backprop network with this model's weights (train or save it without touching this model). */
    public Network toNetwork() {
        Network network = recipe.build(0);
        ParameterValues.restore(weights, network);
        return network;
    }

    /** The weights, named like {@link Network#parameters()}: a copy. */
    public Gradients weights() {
        return weights.copy();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, getOrDefault(featuresCol), "featuresCol");
        return Columns.withOutputs(schema, getOrDefault(rawPredictionCol), getOrDefault(probabilityCol),
                getOrDefault(predictionCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String features = getOrDefault(featuresCol);
        int featuresIndex = dataset.schema().fieldIndex(features);
        boolean raw = !getOrDefault(rawPredictionCol).isEmpty();
        boolean probability = !getOrDefault(probabilityCol).isEmpty();
        boolean prediction = !getOrDefault(predictionCol).isEmpty();
        SparkSession session = dataset.sparkSession();
        Broadcast<byte[]> shared = JavaSparkContext.fromSparkContext(session.sparkContext()).broadcast(weights.toBytes());
        NetworkRecipe architecture = recipe;
        JavaRDD<Row> scored = dataset.toDF().javaRDD().mapPartitions(rows -> new BlockScorer(rows, architecture,
                shared.value(), featuresIndex, features, raw, probability, prediction));
        return session.createDataFrame(scored, out);
    }

    @Override
    public BackpropClassificationModel copy(ParamMap extra) {
        BackpropClassificationModel copy = copyValues(
                new BackpropClassificationModel(uid, recipe, weights, objectiveHistory), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Reads a model saved with {@code write().save(path)}. */
    public static MLReader<BackpropClassificationModel> read() {
        return new Reader();
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static BackpropClassificationModel load(String path) {
        return read().load(path);
    }

    private static final class Writer extends MLWriter {
        private final BackpropClassificationModel model;

        Writer(BackpropClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
            try {
                java.nio.file.Path folder = Files.createTempDirectory("backprop-model");
                java.nio.file.Path local = folder.resolve(MODEL_FILE);
                try {
                    ModelFiles.save(model.toNetwork(), local);
                    Path target = new Path(path, MODEL_FILE);
                    FileSystem fs = target.getFileSystem(sc().hadoopConfiguration());
                    fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
                } finally {
                    Files.deleteIfExists(local);
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + MODEL_FILE + " into " + path + ": " + e.getMessage()
                        + ". Check that the folder is writable.", e);
            }
        }
    }

    private static final class Reader extends MLReader<BackpropClassificationModel> {
        @Override
        public BackpropClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    BackpropClassificationModel.class.getName());
            Network network;
            try {
                java.nio.file.Path folder = Files.createTempDirectory("backprop-model");
                java.nio.file.Path local = folder.resolve(MODEL_FILE);
                try {
                    Path source = new Path(path, MODEL_FILE);
                    FileSystem fs = source.getFileSystem(sc().hadoopConfiguration());
                    fs.copyToLocalFile(false, source, new Path(local.toUri()), true);
                    network = ModelFiles.load(local);
                } finally {
                    Files.deleteIfExists(local);
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + MODEL_FILE + " from " + path + ": " + e.getMessage()
                        + ". Check that the folder holds a model saved by BackpropClassificationModel.", e);
            }
            BackpropClassificationModel model = new BackpropClassificationModel(metadata.uid(),
                    NetworkRecipe.of(network.spec()), ParameterValues.capture(network), new double[0]);
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        }
    }
}
