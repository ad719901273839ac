package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The request's user, for a middleware of the application's own: one that authenticates an API
 * key, a client certificate or another system's session sets the user here, and then {@code
 * user-bridge} keeps that user instead of looking at the session and enforces {@link
 * RequiresUser} and {@link RequiresRoles} with it. Register that middleware before {@code
 * user-bridge}.
 */
public final class RequestUser {

    private RequestUser() {}

    /**
     * Makes {@code user} the request's user: controllers receive it as their {@link AuthContext}
     * argument and route guards check its roles.
     *
     * @param request the request
     * @param user who the request acts for
     */
    public static void set(@NonNull HttpRequest<?> request, @NonNull AuthContext user) {
        request.setAttribute(AuthContext.ATTRIBUTE, user);
    }

    /**
     * @param request the request
     * @return the user a middleware has set on it, if any
     */
    public static @NonNull Optional<AuthContext> get(@NonNull HttpRequest<?> request) {
        return request.getAttribute(AuthContext.ATTRIBUTE, AuthContext.class);
    }
}
