/**
 * Built-in element-wise activation functions. Each is a
 * {@link dev.backprop.api.activation.ScalarActivation} whose scalar {@code value} and
 * {@code derivative} define the maths in double precision, with bulk loops over {@code float}
 * arrays that agree with them to float rounding. All are immutable and thread-safe; the two with a
 * setting ({@code leaky_relu} and {@code elu}, both {@code alpha}) return a new instance from
 * {@code withHyperparameters}, and the rest are stateless.
 *
 * <p>Where the derivative jumps (relu, leaky_relu, relu6, hard_tanh and hard_sigmoid; selu at 0;
 * elu at 0 unless α = 1) each class documents the one-sided value it uses there.
 */
package dev.backprop.activations;
