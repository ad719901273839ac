package dev.sessionkit.session;

import dev.sessionkit.error.ErrorAnswers;
import dev.sessionkit.error.SessionKitException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * A safe request (GET, HEAD, OPTIONS, TRACE) tried to create an anonymous session. Anonymous
 * traffic could otherwise fill the store, so this is refused unless {@code
 * session.create-on-safe-methods} is true. Flash messages and form tokens need no session; make
 * the write on a POST, or sign the user in (which is allowed, for OAuth callbacks).
 */
public final class SessionCreationRefusedException extends SessionKitException {

    /**
     * @param method the request's method
     * @param path the request's path
     */
    public SessionCreationRefusedException(@NonNull String method, @NonNull String path) {
        super(
                500,
                ErrorAnswers.INTERNAL_ERROR,
                method + " " + path + " tried to create a session; safe methods never create one. Write to the"
                        + " session on a POST (flash messages and CsrfTokens need no session), or set"
                        + " session.create-on-safe-methods: true",
                null);
    }

    /**
     * @param request the request that would create a session, or null outside a request
     * @param createOnSafeMethods whether {@code session.create-on-safe-methods} allows it on a safe method
     * @throws SessionCreationRefusedException when a safe request may not create a session
     */
    static void check(@Nullable HttpRequest<?> request, boolean createOnSafeMethods) {
        if (request != null && SafeMethods.isSafe(request.getMethod()) && !createOnSafeMethods) {
            throw new SessionCreationRefusedException(request.getMethodName(), request.getPath());
        }
    }
}
