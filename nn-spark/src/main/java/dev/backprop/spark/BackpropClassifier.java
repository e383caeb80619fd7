package dev.backprop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.backprop.api.BackpropException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark ML estimator that trains a Backprop multilayer perceptron classifier on a DataFrame, data
 * parallel across the DataFrame's partitions, and returns a {@link BackpropClassificationModel}. It
 * works as a {@link org.apache.spark.ml.Pipeline} stage, with {@code ParamGridBuilder} and
 * {@code CrossValidator}, and saves and loads ({@link DefaultParamsWritable}, {@link #read()}).
 *
 * <p>Columns: {@code featuresCol} (default {@code "features"}, a vector column of one width) and
 * {@code labelCol} (default {@code "label"}, numeric class indices {@code 0, 1, ..., k − 1}); the model
 * adds {@code rawPredictionCol}, {@code probabilityCol} and {@code predictionCol}.
 *
 * <p>Network and training params (defaults in brackets): {@code layers} (Spark-style sizes
 * {@code [inputs, hidden..., classes]}; unset: {@code [numFeatures, 16, maxLabel + 1]}),
 * {@code activation} of the hidden layers [{@code relu}] (the output layer is softmax), {@code loss}
 * [{@code sparse_categorical_cross_entropy}], {@code optimizer} [{@code adam}], {@code learningRate}
 * [0.01], {@code batchSize} (global, over all partitions) [32], {@code maxIter} (epochs) [20],
 * {@code seed} (initial weights and shuffles) [42], {@code syncEvery} [1].
 *
 * <p><b>Training.</b> The rows are packed once per partition into float blocks and cached. With
 * {@code syncEvery = 1} every global mini-batch is one synchronous step: the weights are broadcast,
 * every partition computes the gradient sum of its proportional share of the batch, the sums are
 * combined by {@code treeAggregate} and the driver applies one optimizer update (it alone holds the
 * optimizer state). With one partition this reproduces the single-machine
 * {@link dev.backprop.core.train.Trainer} (same seed: same initial weights, same per-epoch order through
 * {@link dev.backprop.core.train.EpochOrder}); with several, the result differs only by the order of
 * summation and by which rows share a batch.
 *
 * <p><b>syncEvery = k &gt; 1</b> (parameter averaging, as DL4J does on Spark): every partition takes
 * {@code k} local steps on its own shares, from the broadcast weights and optimizer state, and then the
 * weights and the optimizer state are averaged (weighted by rows). This needs {@code k} times fewer
 * Spark jobs, but each partition's steps see only its own rows, with a batch of about
 * {@code batchSize / partitions} rows: the gradients are noisier, the replicas drift apart within a
 * round, and the average of separately updated weights is not a gradient step, so the loss falls more
 * slowly per epoch and can end higher than with {@code syncEvery = 1}, increasingly so for larger
 * {@code k}, more partitions, higher learning rates, or partitions whose rows differ in distribution.
 * Keep {@code k} small (2 to 8) and the partitions shuffled.
 */
public final class BackpropClassifier extends Estimator<BackpropClassificationModel> implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BackpropClassifier.class);
    /** The hidden layer of the default architecture. */
    static final int DEFAULT_HIDDEN = 16;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;
    private final IntArrayParam layers;
    private final Param<String> activation;
    private final Param<String> loss;
    private final Param<String> optimizer;
    private final DoubleParam learningRate;
    private final IntParam batchSize;
    private final IntParam maxIter;
    private final LongParam seed;
    private final IntParam syncEvery;

    /** An estimator with a random uid and the default params. */
    public BackpropClassifier() {
        this(Identifiable$.MODULE$.randomUID("backpropClassifier"));
    }

    /** An estimator with {@code uid} and the default params (Spark's copies and readers use this). */
    public BackpropClassifier(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "features column name (a vector column)");
        labelCol = new Param<>(this, "labelCol", "label column name (class indices 0, 1, ..., k - 1)");
        predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        probabilityCol = new Param<>(this, "probabilityCol", "column of the predicted class probabilities");
        rawPredictionCol = new Param<>(this, "rawPredictionCol", "column of the raw scores (log-probabilities)");
        layers = new IntArrayParam(this, "layers", "layer sizes [inputs, hidden..., classes]; unset: [numFeatures, "
                + DEFAULT_HIDDEN + ", numClasses]");
        activation = new Param<>(this, "activation", "activation id of the hidden layers (the output is softmax)");
        loss = new Param<>(this, "loss", "loss id");
        optimizer = new Param<>(this, "optimizer", "optimizer id");
        learningRate = new DoubleParam(this, "learningRate", "the optimizer's learning rate (> 0)",
                ParamValidators.<Object>gt(0));
        batchSize = new IntParam(this, "batchSize", "rows per global mini-batch (>= 1)", ParamValidators.<Object>gtEq(1));
        maxIter = new IntParam(this, "maxIter", "epochs (>= 1)", ParamValidators.<Object>gtEq(1));
        seed = new LongParam(this, "seed", "seed of the initial weights and the shuffles");
        syncEvery = new IntParam(this, "syncEvery", "1: synchronous gradient steps; k > 1: k local steps per"
                + " partition, then weights and optimizer state are averaged", ParamValidators.<Object>gtEq(1));
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
        setDefault(activation, "relu");
        setDefault(loss, "sparse_categorical_cross_entropy");
        setDefault(optimizer, "adam");
        setDefault(learningRate, 0.01);
        setDefault(batchSize, 32);
        setDefault(maxIter, 20);
        setDefault(seed, 42L);
        setDefault(syncEvery, 1);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
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

    public IntArrayParam layers() {
        return layers;
    }

    public Param<String> activation() {
        return activation;
    }

    public Param<String> loss() {
        return loss;
    }

    public Param<String> optimizer() {
        return optimizer;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public LongParam seed() {
        return seed;
    }

    public IntParam syncEvery() {
        return syncEvery;
    }

    public BackpropClassifier setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public BackpropClassifier setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public BackpropClassifier setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public BackpropClassifier setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    public BackpropClassifier setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    public BackpropClassifier setLayers(int[] value) {
        set(layers, value);
        return this;
    }

    public BackpropClassifier setActivation(String value) {
        set(activation, value);
        return this;
    }

    public BackpropClassifier setLoss(String value) {
        set(loss, value);
        return this;
    }

    public BackpropClassifier setOptimizer(String value) {
        set(optimizer, value);
        return this;
    }

    public BackpropClassifier setLearningRate(double value) {
        set(learningRate, value);
        return this;
    }

    public BackpropClassifier setBatchSize(int value) {
        set(batchSize, value);
        return this;
    }

    public BackpropClassifier setMaxIter(int value) {
        set(maxIter, value);
        return this;
    }

    public BackpropClassifier setSeed(long value) {
        set(seed, value);
        return this;
    }

    public BackpropClassifier setSyncEvery(int value) {
        set(syncEvery, value);
        return this;
    }

    private String str(Param<String> param) {
        return getOrDefault(param);
    }

    private int integer(IntParam param) {
        return (Integer) getOrDefault(param);
    }

    /**
     * Checks the input columns and adds the output columns.
     *
     * @throws IllegalArgumentException if a column is missing or of the wrong type
     */
    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, str(featuresCol), "featuresCol");
        Columns.requireNumeric(schema, str(labelCol), "labelCol");
        return Columns.withOutputs(schema, str(rawPredictionCol), str(probabilityCol), str(predictionCol));
    }

    /**
     * Trains a model on {@code dataset} (see the class comment for the algorithm).
     *
     * @throws IllegalArgumentException if a column or param is invalid, naming it, what was expected and found,
     *                                  and how to fix it
     */
    @Override
    public BackpropClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String features = str(featuresCol);
        String label = str(labelCol);
        Dataset<Row> data = dataset.select(col(features), col(label).cast(DataTypes.DoubleType).as(label));
        DataSummary summary = DataSummary.of(data, features, label);
        int[] sizes = architecture(summary);
        int numClasses = sizes[sizes.length - 1];
        summary.requireLabelsBelow(numClasses, isSet(layers));
        String hidden = str(activation);
        requirePlugins(hidden, numClasses);
        Loss resolvedLoss = PluginRegistry.discovered().loss(str(loss));
        boolean oneHot = resolvedLoss.targetWidth(numClasses) == numClasses && numClasses > 1;
        TrainingRecipe recipe = new TrainingRecipe(NetworkRecipe.classifier(sizes, hidden), str(loss), str(optimizer),
                (Double) getOrDefault(learningRate), (Long) getOrDefault(seed));

        int width = sizes[0];
        JavaRDD<RowBlock> blocks = data.javaRDD().mapPartitionsWithIndex((partition, rows) -> {
            BlockPacker packer = new BlockPacker(partition, width, numClasses, oneHot, features, label);
            while (rows.hasNext()) {
                Row row = rows.next();
                packer.add(((Vector) row.get(0)).toArray(), row.getDouble(1));
            }
            return Collections.singletonList(packer.build()).iterator();
        }, true).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Integer> counts = blocks.map(RowBlock::rows).collect();
            int[] partitionRows = counts.stream().mapToInt(Integer::intValue).toArray();
            LOG.info("Packed {} rows of {} features into {} partition blocks: {}", summary.rows(), width,
                    partitionRows.length, Arrays.toString(partitionRows));
            DataParallelTrainer.Result trained = DataParallelTrainer.train(blocks, partitionRows, recipe,
                    integer(batchSize), integer(maxIter), integer(syncEvery));
            BackpropClassificationModel model = new BackpropClassificationModel(uid, recipe.network(),
                    ParameterValues.capture(trained.network()), trained.epochLosses());
            model.setFeaturesCol(features).setPredictionCol(str(predictionCol)).setProbabilityCol(str(probabilityCol))
                    .setRawPredictionCol(str(rawPredictionCol));
            return model.setParent(this);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** The layer sizes: the {@code layers} param checked against the data, or the default for it. */
    private int[] architecture(DataSummary summary) {
        if (!isSet(layers)) {
            return new int[] {summary.width(), DEFAULT_HIDDEN, Math.max(2, (int) summary.maxLabel() + 1)};
        }
        int[] sizes = getOrDefault(layers);
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("Param 'layers' must list at least the input and output sizes, each"
                    + " >= 1, but is " + Arrays.toString(sizes) + ": for example setLayers(new int[] {"
                    + summary.width() + ", " + DEFAULT_HIDDEN + ", " + Math.max(2, (int) summary.maxLabel() + 1)
                    + "}).");
        }
        if (sizes[0] != summary.width()) {
            throw new IllegalArgumentException("Param 'layers' starts with " + sizes[0] + " inputs but column '"
                    + str(featuresCol) + "' holds vectors of " + summary.width() + " values: set layers[0] to "
                    + summary.width() + " or fix the features.");
        }
        return sizes;
    }

    private void requirePlugins(String hidden, int numClasses) {
        PluginRegistry registry = PluginRegistry.discovered();
        try {
            registry.activation(hidden);
        } catch (BackpropException unknown) {
            throw new IllegalArgumentException("Param 'activation' is '" + hidden + "', which is not usable: "
                    + unknown.getMessage(), unknown);
        }
        Loss resolved;
        try {
            resolved = registry.loss(str(loss));
        } catch (BackpropException unknown) {
            throw new IllegalArgumentException("Param 'loss' is '" + str(loss) + "', which is not usable: "
                    + unknown.getMessage(), unknown);
        }
        int targets = resolved.targetWidth(numClasses);
        if (targets != 1 && targets != numClasses) {
            throw new IllegalArgumentException("Param 'loss' is '" + str(loss) + "', which reads " + targets
                    + " target values per row, but a classifier gives it class indices (1 value) or one-hot rows ("
                    + numClasses + "): use sparse_categorical_cross_entropy or categorical_cross_entropy.");
        }
        try {
            new TrainingRecipe(null, str(loss), str(optimizer), (Double) getOrDefault(learningRate), 0).optimizer();
        } catch (BackpropException unknown) {
            throw new IllegalArgumentException("Param 'optimizer' is '" + str(optimizer) + "' with learningRate "
                    + getOrDefault(learningRate) + ", which is not usable: " + unknown.getMessage(), unknown);
        }
    }

    @Override
    public BackpropClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads an estimator saved with {@code write().save(path)}. */
    public static MLReader<BackpropClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an estimator saved with {@code save(path)}. */
    public static BackpropClassifier load(String path) {
        return read().load(path);
    }

    /** One pass over the training data: its size, feature widths and label range, for clear errors up front. */
    static final class DataSummary {
        private final String featuresCol;
        private final String labelCol;
        private final long rows;
        private final long nullFeatures;
        private final long nullLabels;
        private final int minWidth;
        private final int maxWidth;
        private final double minLabel;
        private final double maxLabel;
        private final long nonIntegerLabels;

        private DataSummary(String featuresCol, String labelCol, Row stats) {
            this.featuresCol = featuresCol;
            this.labelCol = labelCol;
            this.rows = stats.getLong(0);
            this.nullFeatures = rows - stats.getLong(1);
            this.nullLabels = rows - stats.getLong(2);
            this.minWidth = stats.isNullAt(3) ? 0 : stats.getInt(3);
            this.maxWidth = stats.isNullAt(4) ? 0 : stats.getInt(4);
            this.minLabel = stats.isNullAt(5) ? 0 : stats.getDouble(5);
            this.maxLabel = stats.isNullAt(6) ? 0 : stats.getDouble(6);
            this.nonIntegerLabels = stats.isNullAt(7) ? 0 : stats.getLong(7);
        }

        static DataSummary of(Dataset<Row> data, String features, String label) {
            Column width = size(org.apache.spark.ml.functions.vector_to_array(col(features), "float32"));
            Column labelValue = col(label);
            Column nonInteger = when(isnan(labelValue).or(labelValue.notEqual(floor(labelValue))), lit(1L))
                    .otherwise(lit(0L));
            Row stats = data.agg(count(lit(1)), count(col(features)), count(labelValue), min(width), max(width),
                    min(labelValue), max(labelValue), sum(nonInteger)).first();
            DataSummary summary = new DataSummary(features, label, stats);
            summary.requireUsable();
            return summary;
        }

        private void requireUsable() {
            if (rows == 0) {
                throw new IllegalArgumentException("The training DataFrame has no rows: expected at least one row with"
                        + " a '" + featuresCol + "' vector and a '" + labelCol + "' class index; check the filters"
                        + " or the input path.");
            }
            if (nullFeatures > 0 || nullLabels > 0) {
                throw new IllegalArgumentException("Columns '" + featuresCol + "' and '" + labelCol + "' must have a"
                        + " value in every row, but " + nullFeatures + " and " + nullLabels + " of " + rows
                        + " rows are null: drop them (na().drop()) or fill them in.");
            }
            if (minWidth != maxWidth || minWidth < 1) {
                throw new IllegalArgumentException("Column '" + featuresCol + "' must hold vectors of one width (at"
                        + " least 1) but holds widths from " + minWidth + " to " + maxWidth + ": build every row's"
                        + " features the same way (one VectorAssembler).");
            }
            if (minLabel < 0 || nonIntegerLabels > 0) {
                throw new IllegalArgumentException("Column '" + labelCol + "' must hold class indices 0, 1, 2, ..."
                        + " but has " + (minLabel < 0 ? "negative values (down to " + minLabel + ")"
                        : nonIntegerLabels + " values that are not whole numbers") + ": index the labels with"
                        + " StringIndexer first.");
            }
        }

        void requireLabelsBelow(int numClasses, boolean fromLayers) {
            if (maxLabel >= numClasses) {
                throw new IllegalArgumentException("Column '" + labelCol + "' has the class index " + (long) maxLabel
                        + " but " + (fromLayers ? "param 'layers' ends with " + numClasses + " outputs" : "there are "
                        + numClasses + " classes") + ", so indices must lie in 0.." + (numClasses - 1) + ": set the"
                        + " last layer to " + ((long) maxLabel + 1) + " outputs, or fix the labels.");
            }
        }

        long rows() {
            return rows;
        }

        int width() {
            return minWidth;
        }

        double maxLabel() {
            return maxLabel;
        }
    }
}
