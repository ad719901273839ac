package dev.sessionkit.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The core {@code session.*} settings; each feature's own settings live next to it (the cookie's
 * in {@link CookieProperties}, each store's with the store). {@link SessionConfig} reads its
 * defaults from here. {@code SESSION_SECRET} in the environment is {@code session.secret}.
 *
 * @param store the store's name: {@code memory}, {@code redis} or {@code jdbc} (or another adaptor's bean name)
 * @param namespace the prefix of every store key, so several applications can share one store
 * @param cookieName the session cookie's name, without any {@code __Host-} prefix
 * @param ttl the idle lifetime: a session untouched this long is gone
 * @param absoluteTtl the absolute lifetime, counted from creation or from the latest sign-in; activity and regeneration never extend it
 * @param touchInterval the least time between two writes that only extend the idle expiry; shorter than ttl
 * @param secret the signing secret, 32 characters or more; required outside the dev and test environments
 * @param secrets older secrets that still verify tokens, for rotation
 * @param excludePaths paths the session middleware skips: exact, or a prefix written /prefix/**
 * @param maxPayloadBytes the bound on a session's field names, JSON values and sign-in data, in bytes; a write past it is a 413 and changes nothing
 * @param storeTimeout how long one store call may take before the request is answered 503
 * @param trustedProxies proxies whose forwarding headers (client address, scheme, host) are believed: literal addresses or CIDR blocks
 * @param forwardedHeaders which headers the trusted proxies write: x-forwarded (X-Forwarded-For, -Proto, -Host, -Port) or forwarded (RFC 7239); only that kind is read
 * @param maxSessionsPerUser the most sessions one user may have (0 = no cap); signing in past it ends the oldest
 * @param createOnSafeMethods whether GET, HEAD, OPTIONS or TRACE may create an anonymous session on every route; off so anonymous traffic cannot fill the store (one route can allow it with @CreatesSession)
 * @param keepDataOnUserSwitch whether signing in as a different user keeps the session's data; off, the old session ends
 * @param transports how session tokens may arrive, unless a route's @SessionTransports says otherwise
 * @param config the class name of the @Config to use when several exist
 */
@ConfigurationProperties("session")
public record SessionProperties(
        @Bindable(defaultValue = "memory") String store,
        @Bindable(defaultValue = "session:") String namespace,
        @Bindable(defaultValue = "session") String cookieName,
        @Bindable(defaultValue = "30m") Duration ttl,
        @Bindable(defaultValue = "12h") Duration absoluteTtl,
        @Bindable(defaultValue = "1m") Duration touchInterval,
        @Nullable String secret,
        @Nullable List<String> secrets,
        @Nullable List<String> excludePaths,
        @Bindable(defaultValue = "16384") int maxPayloadBytes,
        @Bindable(defaultValue = "2s") Duration storeTimeout,
        @Nullable List<String> trustedProxies,
        @Bindable(defaultValue = "x-forwarded") ForwardedHeaders forwardedHeaders,
        @Bindable(defaultValue = "10") int maxSessionsPerUser,
        @Bindable(defaultValue = "false") boolean createOnSafeMethods,
        @Bindable(defaultValue = "false") boolean keepDataOnUserSwitch,
        @Bindable(defaultValue = "cookie,bearer") List<SessionTransport> transports,
        @Nullable String config) {

    /** Fills what was not configured with the defaults above. */
    public SessionProperties {
        secrets = listOrEmpty(secrets);
        excludePaths = listOrEmpty(excludePaths);
        trustedProxies = listOrEmpty(trustedProxies);
        forwardedHeaders = forwardedHeaders == null ? ForwardedHeaders.X_FORWARDED : forwardedHeaders;
        transports = transports == null
                ? List.of(SessionTransport.COOKIE, SessionTransport.BEARER)
                : List.copyOf(transports);
    }

    static <T> List<T> listOrEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
