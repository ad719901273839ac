package dev.sessionkit.security;

import dev.sessionkit.user.AuthContext;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Gives micronaut-security the request's SessionKit user. SessionKit's middlewares run in the
 * session phase, before micronaut-security's filter, so by the time it asks, the user bridge has
 * put the {@link AuthContext} on the request (or found none: the request is anonymous to both).
 */
@Singleton
public final class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    @Override
    public @NonNull Publisher<Authentication> fetchAuthentication(@NonNull HttpRequest<?> request) {
        return request.getAttribute(AuthContext.ATTRIBUTE, AuthContext.class)
                .map(SessionAuthentications::of)
                .map(Publishers::just)
                .orElseGet(Publishers::empty);
    }
}
