package dev.sessionkit.user;

import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.http.MiddlewareChain;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards fail closed: at startup, every route carrying {@link RequiresUser} or {@link
 * RequiresRoles} (directly, on its class or through an annotation of the application's own) must
 * have a registered middleware that enforces it, or the application does not start. Every route
 * the router knows is checked: controllers, WebSocket handshakes and management endpoints alike.
 * Without this check, a forgotten {@code user-bridge} would serve guarded routes to anyone.
 */
@Internal
@Context
final class RouteGuards {

    RouteGuards(Router router, @Nullable MiddlewareChain chain) {
        Set<String> unenforced = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            RouteGuard guard = RouteGuard.of(route.getAnnotationMetadata());
            Class<? extends Annotation> needed = guard.roles() != null ? RequiresRoles.class : RequiresUser.class;
            if (guard.user() && (chain == null || !chain.enforces(needed))) {
                unenforced.add(describe(route, needed));
            }
        });
        // Micronaut adds a HEAD route for every GET; name the GET alone
        unenforced.removeIf(route -> route.startsWith("HEAD ") && unenforced.contains("GET " + route.substring(5)));
        if (!unenforced.isEmpty()) {
            throw new SessionSetupException("Guarded routes would be served to anyone, because no middleware in"
                    + " session.middlewares enforces their guard: " + String.join(", ", unenforced)
                    + "; register user-bridge after session (SessionApp.builder(...).middleware(SessionMiddleware.class)"
                    + ".middleware(UserBridge.class), or session.middlewares: [session, user-bridge])");
        }
    }

    private static String describe(UriRouteInfo<?, ?> route, Class<?> guard) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate() + " ("
                + route.getTargetMethod().getDeclaringType().getSimpleName() + "."
                + route.getTargetMethod().getMethodName() + ", @" + guard.getSimpleName() + ")";
    }
}
