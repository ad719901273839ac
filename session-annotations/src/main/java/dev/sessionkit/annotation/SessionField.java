package dev.sessionkit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes one field of a {@link SessionSchema}: the name it is stored under (so a method can be
 * renamed without losing stored data), the names it was stored under before, its default, and
 * whether its value is kept out of {@code toString()}.
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

    /**
     * Names this field was stored under by earlier builds. A session that still holds one of them
     * is read from it, and the next write that changes the field stores it under the current name
     * and removes the old ones.
     *
     * @return the former stored names, without the schema's namespace
     */
    String[] formerNames() default {};

    /**
     * What the field reads as when a session does not hold it (or holds a value this build cannot
     * decode), as JSON: {@code "1"}, {@code "true"}, {@code "\"EUR\""}, {@code "[\"welcome\"]"}.
     * Numbers, booleans, strings, enum constants, and lists, sets and maps of them; checked against
     * the field's type at compile time. Empty means the type's own default (zero, false, null or
     * empty).
     *
     * @return the default as JSON
     */
    String defaultValue() default "";
}
