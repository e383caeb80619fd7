/**
 * Built-in optimizers: gradient descent ({@link dev.backprop.optimizers.Sgd}), classical momentum
 * ({@link dev.backprop.optimizers.Momentum}) and Adam ({@link dev.backprop.optimizers.Adam}). Each
 * holds only validated, immutable settings; the per-parameter state lives in the
 * {@link dev.backprop.api.optimizer.OptimizerState} core passes in. Updates run in {@code float}.
 */
package dev.backprop.optimizers;
