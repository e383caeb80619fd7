package dev.backprop.onnx;

/**
 * One dense layer found in the graph: where its weights and bias are, its size, and the nodes of its
 * activation.
 *
 * @param layer         the layer as messages name it: {@code layer 1 (node '/0/Gemm' (Gemm))}
 * @param weight        the weight matrix
 * @param weightOutByIn whether the stored matrix is {@code [out, in]} (PyTorch's layout, Gemm transB=1)
 *                      rather than Backprop's {@code [in, out]}
 * @param bias          the bias, {@code out} values, or null for a layer without one
 * @param inputs        the layer's fan-in
 * @param outputs       the layer's width
 * @param activation    the nodes after the layer
 */
record DenseStep(String layer, ConstantTensor weight, boolean weightOutByIn, ConstantTensor bias, int inputs,
                 int outputs, ActivationSegment activation) {
}
