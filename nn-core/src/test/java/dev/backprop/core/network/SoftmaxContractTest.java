package dev.backprop.core.network;

import dev.backprop.testkit.RowFunctionContract;

/** Core's row-wise softmax passes the plugin test kit's row-function contract. */
class SoftmaxContractTest extends RowFunctionContract {

    @Override
    protected String name() {
        return Softmax.ID.value();
    }

    @Override
    protected RowFunction function() {
        Softmax softmax = new Softmax();
        return new RowFunction() {
            @Override
            public void forward(float[] z, float[] a, int rowFrom, int rowTo, int width) {
                softmax.forward(z, a, rowFrom, rowTo, width);
            }

            @Override
            public void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo,
                                 int width) {
                softmax.backward(z, a, gradA, gradZ, rowFrom, rowTo, width);
            }
        };
    }
}
