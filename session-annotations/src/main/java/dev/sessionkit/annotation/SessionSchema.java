package dev.sessionkit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public interface whose no-argument accessor methods are the fields of one typed
 * session; SessionKit's processor generates the value class and the request-scoped accessor
 * from it at compile time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SessionSchema {

    /**
     * The prefix of this schema's fields inside the session record; empty puts them at top level.
     * Two schemas in one application must not claim the same non-empty namespace.
     *
     * @return the field prefix, without a separator
     */
    String namespace() default "";
}
