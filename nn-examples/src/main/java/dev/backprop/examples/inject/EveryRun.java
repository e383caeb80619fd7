package dev.backprop.examples.inject;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the set of training listeners that every trainer of the app gets, after its command's own:
 * {@code Multibinder.newSetBinder(binder(), TrainingListener.class, EveryRun.class).addBinding()...}.
 */
@BindingAnnotation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface EveryRun {
}
