package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.activation.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * The branch-free backward passes of the gated activations (the gradient passes where the input lies
 * in an interval, else stops) equal the conditional form {@code inside(z) ? gradOut : 0}, bit for bit,
 * on every edge a float has: zeros of both signs, the bounds and their neighbours, subnormals,
 * infinities, NaNs, and random values; with gradients that are themselves NaN or infinite.
 */
class BranchFreeBackwardTest {

    @Test
    void relu_equalsTheConditionalForm() {
        check(new Relu(), x -> x > 0);
    }

    @Test
    void relu6_equalsTheConditionalForm() {
        check(new Relu6(), x -> x > 0 && x < 6);
    }

    @Test
    void hardTanh_equalsTheConditionalForm() {
        check(new HardTanh(), x -> x > -1 && x < 1);
    }

    private static void check(Activation activation, DoublePredicate inside) {
        float[] z = inputs();
        float[] gradOut = new float[z.length];
        float[] special = {1.5f, -2.25f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f,
                Float.MIN_VALUE, Float.intBitsToFloat(0x7fc00123)};
        for (int i = 0; i < z.length; i++) {
            gradOut[i] = special[i % special.length];
        }
        float[] gradIn = new float[z.length];
        activation.backward(z, new float[z.length], gradOut, gradIn, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            float expected = inside.test(z[i]) ? gradOut[i] : 0f;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(gradIn[i]),
                    activation + " at z = " + z[i] + " (bits " + Integer.toHexString(Float.floatToRawIntBits(z[i]))
                            + "), gradOut = " + gradOut[i]);
        }
        float[] inPlace = gradOut.clone();
        activation.backward(z, new float[z.length], inPlace, inPlace, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Float.floatToRawIntBits(gradIn[i]), Float.floatToRawIntBits(inPlace[i]), "in place, " + i);
        }
    }

    private static float[] inputs() {
        List<Float> values = new ArrayList<>();
        float[] edges = {0f, -0f, 1f, -1f, 6f, -6f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
                Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (float edge : edges) {
            values.add(edge);
            values.add(Math.nextUp(edge));
            values.add(Math.nextDown(edge));
        }
        for (int bits : new int[] {0x7fc00000, 0x7f800001, 0x7fffffff, 0xffc00000, 0xff800001, 0xffffffff,
            0x80000000, 0x80000001, 0x00000001, 0x7f7fffff, 0x7f800000}) {
            values.add(Float.intBitsToFloat(bits));
        }
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 2000; i++) {
            values.add((float) random.nextDouble(-8, 8));
            values.add(Float.intBitsToFloat(random.nextInt()));
        }
        float[] z = new float[values.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = values.get(i);
        }
        return z;
    }
}
