package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;
import java.util.random.RandomGenerator;

/** The phases of one dense layer's forward pass: weighted sums, activation and (training only) dropout. */
final class ForwardPhases {

    private ForwardPhases() {
    }

    /** {@code Z = X·W + b}, split by output columns. */
    static final class WeightedSums extends Phase {
        private final MatrixKernels kernels;
        private final DenseLayer layer;
        private final LayerInput input;
        private final float[] z;
        private final Batch batch;

        WeightedSums(MatrixKernels kernels, DenseLayer layer, LayerInput input, float[] z, Batch batch) {
            this.kernels = kernels;
            this.layer = layer;
            this.input = input;
            this.z = z;
            this.batch = batch;
        }

        @Override
        boolean worthSharing(int rows) {
            return (long) rows * layer.fanOut() * layer.fanIn() >= MIN_SHARED_MULTIPLY_ADDS;
        }

        @Override
        public void run(int part, int parts) {
            layer.multiply(kernels, input.values(), batch.rows(), z, part, parts);
        }
    }

    /** {@code A = f(Z)}, split by rows. */
    static final class Activate extends Phase {
        private final DenseLayer layer;
        private final float[] z;
        private final float[] a;
        private final Batch batch;

        Activate(DenseLayer layer, float[] z, float[] a, Batch batch) {
            this.layer = layer;
            this.z = z;
            this.a = a;
            this.batch = batch;
        }

        @Override
        boolean worthSharing(int rows) {
            return (long) rows * layer.fanOut() >= MIN_SHARED_ELEMENTS;
        }

        @Override
        public void run(int part, int parts) {
            layer.activate(z, a, batch.rows(), part, parts);
        }
    }

    /**
     * Training-time dropout: draws the mask from the workspace's dropout stream in row-major order and
     * writes {@code dropped = A ⊙ mask}. Serial, so the masks do not depend on the thread count.
     */
    static final class Drop extends Phase {
        private final DenseLayer layer;
        private final float[] a;
        private final float[] mask;
        private final float[] dropped;
        private final Batch batch;
        private final DropoutStream stream;

        Drop(DenseLayer layer, float[] a, float[] mask, float[] dropped, Batch batch, DropoutStream stream) {
            this.layer = layer;
            this.a = a;
            this.mask = mask;
            this.dropped = dropped;
            this.batch = batch;
            this.stream = stream;
        }

        @Override
        boolean worthSharing(int rows) {
            return false;
        }

        @Override
        public void run(int part, int parts) {
            RandomGenerator random = stream.random();
            layer.drop(a, mask, dropped, batch.rows(), random);
        }
    }
}
