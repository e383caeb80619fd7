package dev.backprop.spark;

import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition's rows in blocks of {@value #BLOCK_ROWS}: gathers each block's features into one
 * float array and pushes it through {@link Network#predict(float[], int, float[])}, then appends the
 * raw prediction ({@code ln p}), the probabilities ({@code p}, the softmax outputs) and the predicted
 * class (the arg max) to every row.
 */
final class BlockScorer implements Iterator<Row> {

    static final int BLOCK_ROWS = 256;

    private final Iterator<Row> rows;
    private final Network network;
    private final int featuresIndex;
    private final String featuresCol;
    private final boolean raw;
    private final boolean probability;
    private final boolean prediction;
    private final float[] inputs;
    private final float[] outputs;
    private final List<Row> pending = new ArrayList<>(BLOCK_ROWS);
    private int next;

    BlockScorer(Iterator<Row> rows, NetworkRecipe recipe, byte[] weights, int featuresIndex, String featuresCol,
                boolean raw, boolean probability, boolean prediction) {
        this.rows = rows;
        this.network = recipe.build(0);
        ParameterValues.restore(Gradients.fromBytes(weights), network);
        this.featuresIndex = featuresIndex;
        this.featuresCol = featuresCol;
        this.raw = raw;
        this.probability = probability;
        this.prediction = prediction;
        this.inputs = new float[BLOCK_ROWS * network.inputWidth()];
        this.outputs = new float[BLOCK_ROWS * network.outputWidth()];
    }

    @Override
    public boolean hasNext() {
        return next < pending.size() || rows.hasNext();
    }

    @Override
    public Row next() {
        if (next == pending.size()) {
            if (!rows.hasNext()) {
                throw new NoSuchElementException("No rows left in this partition.");
            }
            fill();
        }
        return pending.get(next++);
    }

    private void fill() {
        pending.clear();
        next = 0;
        int width = network.inputWidth();
        while (pending.size() < BLOCK_ROWS && rows.hasNext()) {
            Row row = rows.next();
            Object value = row.get(featuresIndex);
            if (!(value instanceof Vector)) {
                throw new IllegalArgumentException("Column '" + featuresCol + "' must hold a vector in every row but"
                        + " a row has " + value + ": drop or fill the rows without features.");
            }
            Vector features = (Vector) value;
            if (features.size() != width) {
                throw new IllegalArgumentException("Column '" + featuresCol + "' must hold vectors of " + width
                        + " values (the model's input width) but a row has " + features.size() + ": assemble the"
                        + " features as for training.");
            }
            int base = pending.size() * width;
            for (int i = 0; i < width; i++) {
                inputs[base + i] = (float) features.apply(i);
            }
            pending.add(row);
        }
        network.predict(inputs, pending.size(), outputs);
        int classes = network.outputWidth();
        for (int r = 0; r < pending.size(); r++) {
            Row row = pending.get(r);
            double[] p = new double[classes];
            double[] logP = new double[classes];
            int best = 0;
            for (int c = 0; c < classes; c++) {
                p[c] = outputs[r * classes + c];
                logP[c] = Math.log(Math.max(p[c], Double.MIN_NORMAL));
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            int extra = (raw ? 1 : 0) + (probability ? 1 : 0) + (prediction ? 1 : 0);
            Object[] values = new Object[row.length() + extra];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            int at = row.length();
            if (raw) {
                values[at++] = Vectors.dense(logP);
            }
            if (probability) {
                values[at++] = Vectors.dense(p);
            }
            if (prediction) {
                values[at] = (double) best;
            }
            pending.set(r, RowFactory.create(values));
        }
    }
}
