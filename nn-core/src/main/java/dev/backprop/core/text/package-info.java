/**
 * Small text helpers shared by the modules' error messages: {@link dev.backprop.core.text.ClosestMatch}
 * suggests the accepted word nearest to a misspelt one.
 */
package dev.backprop.core.text;
