/**
 * Core's built-in weight initialisers, registered as {@link dev.backprop.api.init.WeightInitializer}
 * plugins and found by id like any third-party one.
 */
package dev.backprop.core.init;
