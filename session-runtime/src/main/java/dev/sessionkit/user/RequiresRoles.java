package dev.sessionkit.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route needs a user with at least one of these roles: 401 without a user, 403 without the
 * role. It may sit on the method, on its class or on an annotation of the application's own (an
 * {@code @AdminOnly} that carries {@code @RequiresRoles("admin")}); the roles of every one that
 * applies to a route are merged, and any one of them grants access.
 */
@Documented
@Repeatable(RequiresRoles.List.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRoles {

    /** @return the roles, any one of which grants access */
    String[] value();

    /** Several {@link RequiresRoles} on one element, their roles merged. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {

        /** @return the guards */
        RequiresRoles[] value();
    }
}
