package dev.backprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class BackpropClassifierSparkTest {

    private static final Logger LOG = LoggerFactory.getLogger(BackpropClassifierSparkTest.class);
    private static final StructType RAW = new StructType().add("x1", DataTypes.DoubleType)
            .add("x2", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
    private static final StructType VECTORS = new StructType().add("features", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);

    private static SparkSession spark;
    private static List<double[]> rows;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("nn-spark-tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        rows = threeClusters(180, 7);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Three well separated clusters in the plane, labels 0, 1, 2. */
    private static List<double[]> threeClusters(int count, long seed) {
        double[][] centres = {{-2, -2}, {2, -2}, {0, 2}};
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            list.add(new double[] {centres[label][0] + random.nextGaussian() * 0.5,
                    centres[label][1] + random.nextGaussian() * 0.5, label});
        }
        return list;
    }

    private static org.apache.spark.sql.Dataset<Row> raw(int partitions) {
        List<Row> list = new ArrayList<>();
        for (double[] r : rows) {
            list.add(RowFactory.create(r[0], r[1], r[2]));
        }
        return spark.createDataFrame(list, RAW).repartition(partitions);
    }

    private static org.apache.spark.sql.Dataset<Row> vectors(List<Row> list) {
        return spark.createDataFrame(list, VECTORS);
    }

    private static org.apache.spark.sql.Dataset<Row> vectorsInOrder() {
        List<Row> list = new ArrayList<>();
        for (double[] r : rows) {
            list.add(RowFactory.create(Vectors.dense(r[0], r[1]), r[2]));
        }
        return vectors(list).coalesce(1);
    }

    private static double accuracy(org.apache.spark.sql.Dataset<Row> predictions) {
        return new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predictions);
    }

    @Test
    void pipeline_fitTransformSaveLoad_givesIdenticalPredictions(@TempDir Path folder) throws Exception {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
                .setOutputCol("features");
        BackpropClassifier classifier = new BackpropClassifier().setLayers(new int[] {2, 8, 3}).setMaxIter(10)
                .setBatchSize(16).setLearningRate(0.05);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, classifier}).fit(raw(2));
        org.apache.spark.sql.Dataset<Row> scored = model.transform(raw(2)).orderBy("x1", "x2").cache();
        assertTrue(accuracy(scored) > 0.95, "accuracy " + accuracy(scored));

        String path = folder.resolve("pipeline").toString();
        model.write().overwrite().save(path);
        assertTrue(folder.resolve("pipeline/stages").toFile().exists());
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> before = scored.select("rawPrediction", "probability", "prediction").collectAsList();
        List<Row> after = loaded.transform(raw(2)).orderBy("x1", "x2")
                .select("rawPrediction", "probability", "prediction").collectAsList();
        assertEquals(before, after);
        assertEquals(10, ((BackpropClassificationModel) model.stages()[1]).objectiveHistory().length);
        assertEquals(0, ((BackpropClassificationModel) loaded.stages()[1]).objectiveHistory().length,
                "a loaded model keeps the weights, not the training history");
        Row first = before.get(0);
        double[] p = ((org.apache.spark.ml.linalg.Vector) first.get(1)).toArray();
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
        assertEquals(Math.log(p[0]), ((org.apache.spark.ml.linalg.Vector) first.get(0)).apply(0), 1e-9);
    }

    @Test
    void crossValidator_overTwoLearningRates_picksOne() {
        BackpropClassifier classifier = new BackpropClassifier().setMaxIter(3).setBatchSize(32);
        ParamMap[] grid = new ParamGridBuilder().addGrid(classifier.learningRate(), new double[] {1e-4, 0.05})
                .build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(classifier).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).setNumFolds(2)
                .setSeed(1).fit(vectorsInOrder().repartition(2));
        assertEquals(2, cv.avgMetrics().length);
        BackpropClassifier best = (BackpropClassifier) cv.bestModel().parent();
        assertEquals(0.05, (Double) best.getOrDefault(best.learningRate()));
    }

    @Test
    void onePartition_syncEveryOne_equalsTheSingleMachineTrainer() {
        int[] layers = {2, 8, 3};
        BackpropClassificationModel model = new BackpropClassifier().setLayers(layers).setMaxIter(3).setBatchSize(16)
                .setLearningRate(0.01).setSeed(5).fit(vectorsInOrder());

        float[][] x = new float[rows.size()][];
        float[][] y = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = new float[] {(float) rows.get(i)[0], (float) rows.get(i)[1]};
            y[i] = new float[] {(float) rows.get(i)[2]};
        }
        Network network = NetworkRecipe.classifier(layers, "relu").build(5);
        PluginRegistry registry = PluginRegistry.discovered();
        Optimizer adam = registry.optimizer(PluginId.of("adam"), Hyperparameters.of(Optimizer.LEARNING_RATE, 0.01));
        new Trainer(TrainingSettings.builder().epochs(3).batchSize(16).seed(5).shuffle(true).threads(1).build(),
                registry.loss("sparse_categorical_cross_entropy"), adam, List.of()).fit(network, Dataset.of(x, y));

        Gradients spark = model.weights();
        Gradients single = ParameterValues.capture(network);
        double largest = 0;
        for (int t = 0; t < single.count(); t++) {
            assertEquals(single.name(t), spark.name(t));
            float[] a = single.tensor(t);
            float[] b = spark.tensor(t);
            for (int k = 0; k < a.length; k++) {
                largest = Math.max(largest, Math.abs(a[k] - b[k]));
            }
        }
        LOG.warn("One partition vs single-machine Trainer: max |Δweight| = {} over {} values", largest, single.size());
        assertTrue(largest <= 1e-5, "max abs difference " + largest);
    }

    @Test
    void syncEveryThree_parameterAveraging_learnsASeparableSet() {
        BackpropClassificationModel model = new BackpropClassifier().setLayers(new int[] {2, 8, 3}).setMaxIter(8)
                .setBatchSize(16).setLearningRate(0.05).setSyncEvery(3).fit(vectorsInOrder().repartition(2));
        double accuracy = accuracy(model.transform(vectorsInOrder()));
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        double[] losses = model.objectiveHistory();
        assertEquals(8, losses.length, "one mean training loss per epoch");
        assertTrue(losses[7] < losses[0], "the loss fell: " + java.util.Arrays.toString(losses));
    }

    @Test
    void badInput_clearIllegalArgumentExceptions_namingColumnOrParam() {
        BackpropClassifier classifier = new BackpropClassifier().setMaxIter(1);
        org.apache.spark.sql.Dataset<Row> strings = raw(1).selectExpr("cast(x1 as string) as features", "label");
        assertMessage(() -> classifier.fit(strings), "'features'", "vector", "VectorAssembler");

        assertMessage(() -> classifier.fit(vectors(List.of(RowFactory.create(Vectors.dense(1, 2), 0.0),
                RowFactory.create(Vectors.dense(1, 2, 3), 1.0)))), "'features'", "one width");
        assertMessage(() -> classifier.copy(new ParamMap()).setLayers(new int[] {3, 4, 2}).fit(vectorsInOrder()),
                "'layers'", "3 inputs", "2 values");
        assertMessage(() -> classifier.fit(vectors(List.of(RowFactory.create(Vectors.dense(1, 2), -1.0)))),
                "'label'", "negative");
        assertMessage(() -> classifier.fit(vectors(List.of(RowFactory.create(Vectors.dense(1, 2), 0.5)))),
                "'label'", "whole numbers");
        assertMessage(() -> new BackpropClassifier().setLayers(new int[] {2, 2}).fit(vectorsInOrder()),
                "'label'", "index 2", "'layers'");
        assertMessage(() -> classifier.fit(vectors(List.of())), "no rows");
        assertMessage(() -> new BackpropClassifier().setActivation("rleu").fit(vectorsInOrder()),
                "'activation'", "rleu", "relu");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
