package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;
import java.util.random.RandomGenerator;

/** The phases of one dense layer's forward pass: weighted sums, activation and (training only) dropout. */
final class ForwardPhases {

    private ForwardPhases() {
    }

    /** {@code Z = X·W + b}, split by output columns. */
    record WeightedSums(MatrixKernels kernels, DenseLayer layer, LayerInput input, float[] z, Batch batch)
            implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return Phase.sharesOf((long) rows * layer.fanOut() * layer.fanIn(), MULTIPLY_ADDS_PER_SHARE, threads);
        }

        @Override
        public void run(int part, int parts) {
            layer.multiply(kernels, input.values(), batch.rows(), z, part, parts);
        }
    }

    /** {@code A = f(Z)}, split by rows. */
    record Activate(DenseLayer layer, float[] z, float[] a, Batch batch) implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return Phase.sharesOf((long) rows * layer.fanOut(), ELEMENTS_PER_SHARE, threads);
        }

        @Override
        public void run(int part, int parts) {
            layer.activate(z, a, batch.rows(), part, parts);
        }

        @Override
        public RuntimeException failed(RuntimeException failure) {
            return PluginFailures.activation(layer, "forward pass (value)", failure);
        }
    }

    /**
     * Training-time dropout: draws the mask from the workspace's dropout stream in row-major order and
     * writes {@code dropped = A ⊙ mask}. Serial, so the masks do not depend on the thread count.
     */
    record Drop(DenseLayer layer, float[] a, float[] mask, float[] dropped, Batch batch, DropoutStream stream)
            implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return 1;
        }

        @Override
        public void run(int part, int parts) {
            RandomGenerator random = stream.random();
            layer.drop(a, mask, dropped, batch.rows(), random);
        }
    }
}
