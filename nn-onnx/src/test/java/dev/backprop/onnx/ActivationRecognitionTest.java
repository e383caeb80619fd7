package dev.backprop.onnx;

import static dev.backprop.onnx.TestModels.in;
import static dev.backprop.onnx.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The activations are told apart by what they compute, whatever form the graph writes them in. */
class ActivationRecognitionTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discovered();

    @Test
    void everyBuiltInCandidateMatchesItselfAndNoOther() {
        List<Activation> activations = new ArrayList<>();
        for (ActivationRecognizer.Recognized candidate : ActivationRecognizer.BUILT_INS) {
            activations.add(PLUGINS.activation(candidate.id(), candidate.settings()));
        }
        for (int a = 0; a < activations.size(); a++) {
            double[] values = values(activations.get(a));
            for (int b = 0; b < activations.size(); b++) {
                assertEquals(a == b, ActivationRecognizer.computes(activations.get(b), values),
                        ActivationRecognizer.BUILT_INS.get(b) + " on the values of " + ActivationRecognizer.BUILT_INS
                                .get(a));
            }
        }
    }

    @Test
    void keras3HardSigmoidAsAddClipDivAfterABiaslessMatMulIsHardSigmoid() {
        Network network = read(model().input("x", 4).output("y", 3).random("w", 1, 4, 3).constant("three", 3f)
                .constant("zero", 0f).constant("six", 6f)
                .node("MatMul", "mm", in("x", "w"), "z")
                .node("Add", "shift", in("z", "three"), "s")
                .node("Clip", "clip", in("s", "zero", "six"), "c")
                .node("Div", "scale", in("c", "six"), "y").build());
        assertEquals("hard_sigmoid", OnnxImportFixturesTest.describe(network));
    }

    @Test
    void operandOrderAndSpellingDoNotMatter() {
        assertEquals("silu", recognise(g -> g.node("Sigmoid", "s", in("z"), "sz").node("Mul", "m", in("sz", "z"),
                "y")));
        assertEquals("relu", recognise(g -> g.constant("zero", 0f).node("Max", "m", in("zero", "z"), "y")));
        assertEquals("softsign", recognise(g -> g.constant("one", 1f).node("Abs", "a", in("z"), "abs")
                .node("Add", "p", in("one", "abs"), "d").node("Div", "q", in("z", "d"), "y")));
        assertEquals("softplus", recognise(g -> g.constant("t", 20f).node("Softplus", "sp", in("z"), "s")
                .node("Greater", "gt", in("z", "t"), "c").node("Where", "w", in("c", "z", "s"), "y")));
        assertEquals("gelu{approximate=tanh}", recognise(g -> g.constant("three", 3f).constant("k", 0.044715f)
                .constant("c", 0.7978846f).constant("one", 1f).constant("half", 0.5f)
                .node("Pow", "p", in("z", "three"), "cube").node("Mul", "m1", in("k", "cube"), "kc")
                .node("Add", "a1", in("z", "kc"), "inner").node("Mul", "m2", in("c", "inner"), "scaled")
                .node("Tanh", "t", in("scaled"), "th").node("Add", "a2", in("th", "one"), "sum")
                .node("Mul", "m3", in("half", "sum"), "hs").node("Mul", "m4", in("z", "hs"), "y")));
        assertEquals("leaky_relu{alpha=0.3}", recognise(g -> g.node("LeakyRelu", "l", in("z"), "y", "alpha", 0.3f)));
        assertEquals("elu", recognise(g -> g.node("Elu", "e", in("z"), "y")));
        assertEquals("identity", recognise(g -> g.node("Identity", "i", in("z"), "d")
                .node("Dropout", "d", in("d"), "y")));
    }

    @Test
    void olderOpsetsReadClipBoundsFromAttributesAndSoftmaxOnAxisOne() {
        Network clip = read(model().opset(10).input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "z").node("Clip", "c", in("z"), "y", "min", 0f, "max", 6f).build());
        assertEquals("relu6", OnnxImportFixturesTest.describe(clip));
        Network softmax = read(model().opset(11).input("x", 4).output("y", 3).random("w", 1, 4, 3)
                .node("Gemm", "g", in("x", "w"), "z").node("Softmax", "s", in("z"), "y").build());
        assertEquals("softmax", OnnxImportFixturesTest.describe(softmax));
    }

    @Test
    void aFunctionThatIsNoBuiltInIsNamedWithItsNodes() {
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> recognise(g -> g.constant("k", 1.5f)
                .node("Mul", "scale", in("z", "k"), "kz").node("Sigmoid", "s", in("kz"), "skz")
                .node("Mul", "swish", in("z", "skz"), "y")));
        assertTrue(e.getMessage().contains("the activation after layer 1 (node 'g' (Gemm)), computed by Mul 'scale',"
                + " Sigmoid 's', Mul 'swish', is none of Backprop's"), e.getMessage());
        OnnxImportException perNeuron = assertThrows(OnnxImportException.class, () -> recognise(g -> g
                .random("scale", 5, 3).node("Mul", "bn", in("z", "scale"), "y")));
        assertTrue(perNeuron.getMessage().contains("initializer 'scale', read by node 'bn' (Mul) after layer 1 (node"
                + " 'g' (Gemm)), has shape [3]; an activation's constants are single values"), perNeuron.getMessage());
    }

    @Test
    void theErrorFunctionIsAccurateEnoughToTellTheGelusApart() {
        double[][] known = {{0, 0}, {0.5, 0.5204998778130465}, {1, 0.8427007929497149}, {2, 0.9953222650189527},
                {-1.5, -0.9661051464753108}, {4, 0.9999999845827421}};
        for (double[] pair : known) {
            assertEquals(pair[1], ElementwiseFunction.erf(pair[0]), 1.5e-7, "erf(" + pair[0] + ")");
        }
        assertTrue(Double.isNaN(ElementwiseFunction.erf(Double.NaN)));
    }

    @Test
    void settingsTextReadsBackExactly() {
        Hyperparameters settings = Hyperparameters.of("alpha", 0.123456789).with("approximate", "a&b=c ü%")
                .with("flag", true).with("tiny", 1e-300);
        assertEquals(settings, ActivationSettingsText.decode(ActivationSettingsText.encode(settings)));
        assertEquals(Hyperparameters.none(), ActivationSettingsText.decode(""));
        assertThrows(IllegalArgumentException.class, () -> ActivationSettingsText.decode("alpha=x:1"));
        assertFalse(ActivationSettingsText.encode(settings).contains(" "));
    }

    /** Gemm 4→3 ({@code g}, writing {@code z}) followed by what {@code activation} adds up to {@code y}. */
    private static String recognise(java.util.function.UnaryOperator<TestModels> activation) {
        TestModels graph = model().input("x", 4).output("y", 3).random("w", 1, 4, 3).random("b", 2, 3)
                .node("Gemm", "g", in("x", "w", "b"), "z");
        return OnnxImportFixturesTest.describe(read(activation.apply(graph).build()));
    }

    private static Network read(ModelProto model) {
        return OnnxImport.importer().readBytes(model.toByteArray());
    }

    private static double[] values(Activation activation) {
        float[] out = new float[ActivationRecognizer.POINTS.length];
        activation.forward(ActivationRecognizer.POINTS.clone(), out, 0, out.length);
        double[] values = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            values[i] = out[i];
        }
        return values;
    }
}
