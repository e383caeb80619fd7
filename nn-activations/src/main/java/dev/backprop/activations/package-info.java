/**
 * Built-in element-wise activation functions. Each is a
 * {@link dev.backprop.api.activation.ScalarActivation} whose scalar {@code value} and
 * {@code derivative} define the maths in double precision, with bulk loops over {@code float}
 * arrays that agree with them to float rounding. All are immutable, stateless and thread-safe.
 */
package dev.backprop.activations;
