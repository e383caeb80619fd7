package dev.backprop.testkit;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The float64 definition of an activation, {@code f(x)} and {@code f'(x)}, that
 * {@link ActivationContract#float32_matchesTheFloat64DefinitionInTheTails()} holds the float32
 * forward and backward passes to. Write it the plain way, in double, independently of the plugin's
 * own code where you can (a different formula, a library function), so that it catches the plugin's
 * mistakes rather than repeating them:
 *
 * <pre>{@code
 * protected Optional<Float64Definition> float64Definition() {
 *     return Optional.of(new Float64Definition(
 *             x -> x / (1 + Math.exp(-x)),
 *             x -> { double s = 1 / (1 + Math.exp(-x)); return s * (1 + x * (1 - s)); }));
 * }
 * }</pre>
 *
 * Where the derivative does not exist (a kink), give the one-sided value the plugin documents.
 *
 * @param value      {@code f(x)} in double
 * @param derivative {@code f'(x)} in double
 */
public record Float64Definition(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {

    /** Both functions are required. */
    public Float64Definition {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(derivative, "derivative");
    }
}
