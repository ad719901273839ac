package dev.sessionkit.user;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a route asks of its user, read from {@link RequiresUser} and {@link RequiresRoles} wherever
 * they apply: on the method, on its class, or carried by an annotation of the application's own
 * (at any depth). Micronaut records such stereotypes at compile time, so nothing is reflected on.
 *
 * @param user whether a signed-in user is needed
 * @param roles the roles any one of which grants access, or null when no role is asked for
 */
@Internal
public record RouteGuard(boolean user, @Nullable Set<String> roles) {

    private static final String REQUIRES_ROLES = RequiresRoles.class.getName();
    private static final String ROLES_LIST = RequiresRoles.List.class.getName();
    private static final String REQUIRES_USER = RequiresUser.class.getName();
    private static final RouteGuard OPEN = new RouteGuard(false, null);

    /**
     * @param route the route's annotations, its class's included
     * @return what it asks of its user
     */
    public static RouteGuard of(AnnotationMetadata route) {
        boolean rolesAsked = route.hasStereotype(REQUIRES_ROLES) || route.hasStereotype(ROLES_LIST);
        if (!rolesAsked) {
            return route.hasStereotype(REQUIRES_USER) ? new RouteGuard(true, null) : OPEN;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (AnnotationValue<Annotation> guard : route.getAnnotationValuesByName(REQUIRES_ROLES)) {
            for (String role : guard.stringValues()) {
                roles.add(role);
            }
        }
        return new RouteGuard(true, Collections.unmodifiableSet(roles));
    }
}
