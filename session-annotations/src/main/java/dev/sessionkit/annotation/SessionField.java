package dev.sessionkit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes one field of a {@link SessionSchema}: the name it is stored under (so a method can be
 * renamed without losing stored data) and whether its value is kept out of {@code toString()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SessionField {

    /**
     * The name the field is stored under; empty means the method's name.
     *
     * @return the stored name
     */
    String name() default "";

    /**
     * Whether the value is a secret that {@code toString()} must print as {@code ***}.
     *
     * @return true for secrets
     */
    boolean sensitive() default false;
}
