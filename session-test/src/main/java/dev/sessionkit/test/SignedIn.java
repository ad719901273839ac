package dev.sessionkit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @MicronautTest} method (or every method of a class) signed in as a user, through
 * the application's real middleware chain and store: before the test a session is created for the
 * user, the application's Micronaut HTTP clients send it to the embedded server, and {@link
 * SessionTestKit#token()} gives it to any other client; after the test the session is destroyed.
 * A method's annotation wins over its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {

    /** @return the user's id, as the application's {@code SessionUserResolver} receives it */
    String value();

    /**
     * @return the roles the user has during the test, answered in place of the application's
     *     resolver; none leaves the user to the application's resolver, so it must know them
     */
    String[] roles() default {};

    /** @return the session's label, as a list of the user's sessions shows it */
    String label() default "test";
}
