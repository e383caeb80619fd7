package dev.backprop.onnx;

import java.util.HashSet;
import java.util.Set;

/** The ONNX operators the importer reads, by role, and the sentence that lists them in messages. */
final class OnnxOperators {

    /** The operators of a dense layer: {@code Gemm}, or {@code MatMul} and an {@code Add} of the bias. */
    static final Set<String> LINEAR = Set.of("Gemm", "MatMul");

    /** Operators that pass a {@code [batch, width]} matrix through unchanged at inference. */
    static final Set<String> PASS_THROUGH = Set.of("Identity", "Dropout", "Flatten");

    /** Activation operators, each one Backprop activation (with the settings checked). */
    static final Set<String> ACTIVATIONS = Set.of("Relu", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Selu", "Softplus",
            "Softsign", "HardSigmoid", "Clip", "Gelu", "Mish", "Softmax");

    /** Element-wise arithmetic that exporters decompose activations into (GELU, SiLU, Mish, Softsign, ...). */
    static final Set<String> ARITHMETIC = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Neg", "Abs", "Exp", "Log", "Sqrt",
            "Reciprocal", "Erf", "Max", "Min", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Where");

    /** Every operator that may appear in an imported graph. */
    static final Set<String> SUPPORTED;

    static {
        Set<String> all = new HashSet<>();
        all.addAll(LINEAR);
        all.addAll(PASS_THROUGH);
        all.addAll(ACTIVATIONS);
        all.addAll(ARITHMETIC);
        all.add("Constant");
        all.add("Transpose");
        SUPPORTED = Set.copyOf(all);
    }

    /** What a message says is supported. */
    static final String WHAT_IS_SUPPORTED = "Backprop imports Gemm or MatMul + Add layers, their activations (Relu,"
            + " Sigmoid, Tanh, LeakyRelu, Elu, Selu, Softplus, Softsign, HardSigmoid, Clip, Gelu, Mish, Softmax) and"
            + " Identity, Dropout, Flatten.";

    private OnnxOperators() {
    }
}
