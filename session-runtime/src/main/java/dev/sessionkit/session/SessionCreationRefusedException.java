package dev.sessionkit.session;

import dev.sessionkit.error.SessionKitException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.web.router.RouteInfo;

/**
 * A safe request (GET, HEAD, OPTIONS, TRACE) tried to create an anonymous session. Anonymous
 * traffic could otherwise fill the store, so this is refused (400, with this message) unless the
 * route is annotated {@code @CreatesSession} or {@code session.create-on-safe-methods} is true.
 * What such a write is usually for needs no session: {@link Session#returnTo} keeps where to
 * return after sign-in, flash messages and form tokens travel in signed cookies, and a sign-in
 * may create one on any method (OAuth callbacks are GETs).
 */
public final class SessionCreationRefusedException extends SessionKitException {

    private static final String CREATES_SESSION = "dev.sessionkit.http.CreatesSession";

    /**
     * @param method the request's method
     * @param path the request's path
     */
    public SessionCreationRefusedException(@NonNull String method, @NonNull String path) {
        super(
                400,
                "A " + method + " request may not start a session. To come back here after signing in, use"
                        + " returnTo(path), which needs no session; if this route must start one, annotate it"
                        + " @CreatesSession",
                method + " " + path + " tried to create a session, which a safe request may not (anonymous"
                        + " traffic would fill the store). Use session.returnTo(path) to come back after sign-in,"
                        + " flash() or CsrfTokens (no session needed), write on a POST, or annotate this route"
                        + " @CreatesSession",
                null);
    }

    /**
     * @param route the route serving the request, or null
     * @return whether the route is annotated {@code @CreatesSession}; looked up by name, as the
     *     Class overloads reflect on the annotation type
     */
    static boolean createsSession(@Nullable RouteInfo<?> route) {
        return route != null && route.getAnnotationMetadata().hasStereotype(CREATES_SESSION);
    }
}
