/**
 * Built-in optimizers: gradient descent ({@link dev.backprop.optimizers.Sgd}), classical and
 * Nesterov momentum ({@link dev.backprop.optimizers.Momentum}, {@link dev.backprop.optimizers.Nesterov}),
 * the adaptive rules {@link dev.backprop.optimizers.Adagrad}, {@link dev.backprop.optimizers.Adadelta}
 * and {@link dev.backprop.optimizers.Rmsprop}, and the Adam family ({@link dev.backprop.optimizers.Adam}
 * with optional AMSGrad, {@link dev.backprop.optimizers.AdamW}, {@link dev.backprop.optimizers.Adamax},
 * {@link dev.backprop.optimizers.Nadam}). Each holds only validated, immutable settings (Nadam also
 * caches its momentum product, a pure function of the step); the per-parameter state lives in the
 * {@link dev.backprop.api.optimizer.OptimizerState} core passes in.
 * Updates run in {@code float}.
 */
package dev.backprop.optimizers;
