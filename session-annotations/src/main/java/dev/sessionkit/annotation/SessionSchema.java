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

    /**
     * Stored names this schema no longer has, whose data is removed from a session the next time
     * this schema writes it. Declaring a dropped field here (or under {@link #unread}) is what the
     * compile-time compatibility check asks for.
     *
     * @return the retired stored names, without the namespace
     */
    String[] retired() default {};

    /**
     * Stored names this schema no longer reads but leaves in the store, for older builds that
     * still run during a rolling deploy; move them to {@link #retired} once none does.
     *
     * @return stored names left alone, without the namespace
     */
    String[] unread() default {};
}
