package dev.backprop.core.loss;

/**
 * A cross-entropy loss that core fuses with a softmax output layer: instead of the loss's gradient
 * with respect to the probabilities followed by softmax's Jacobian, it writes the exact and stable
 * gradient with respect to the logits, {@code (p − y)/B}.
 */
public interface FusedWithSoftmax {

    /**
     * The loss of softmax probabilities {@code predicted} ({@code batchSize × width}) against
     * {@code target}, with {@code ∂E/∂z = (p − y)/B} written into {@code logitGradient}.
     */
    double evaluateAfterSoftmax(float[] predicted, float[] target, int batchSize, int width, float[] logitGradient);
}
