package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.StoreDecorator;
import dev.sessionkit.store.UserIndexed;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The validated, resolved form of the application's {@link SessionConfig}, read once at startup
 * so that the per-request path never calls back into user code. Each setting is described once,
 * on {@link SessionProperties}; this record adds only what is derived from the settings.
 *
 * @param kvAdaptor the store, wrapped in the {@link StoreDecorator}s
 * @param values every core setting, as the configuration decided it and checked; but the secrets,
 *     which only the token codec holds; {@code config} names the configuration's class
 * @param cookieName the cookie name as sent, {@code __Host-} prefix included when always on
 * @param cookie the cookie attributes
 * @param excludedPaths {@code session.exclude-paths}, parsed
 * @param trustedProxies {@code session.trusted-proxies} and {@code session.forwarded-headers}, parsed
 * @param transports {@code session.transports}, as a set
 * @param hostPrefixWhenSecure whether the cookie, Secure only on HTTPS, takes the {@code __Host-}
 *     prefix on the requests where it is Secure
 */
@Internal
public record SessionSettings(
        @NonNull KvAdaptor kvAdaptor,
        @NonNull SessionProperties values,
        @NonNull String cookieName,
        @NonNull CookieOptions cookie,
        @NonNull PathExclusions excludedPaths,
        @NonNull TrustedProxies trustedProxies,
        @NonNull Set<SessionTransport> transports,
        boolean hostPrefixWhenSecure) {

    /** The prefix browsers reserve for host-only, Secure, Path=/ cookies. */
    public static final String HOST_PREFIX = "__Host-";

    /**
     * The cookie's name on this request: with the {@code __Host-} prefix where the cookie is Secure
     * at Path=/ without a Domain, which a sibling domain or a plain-HTTP page cannot plant.
     *
     * @param request the request, or null outside one
     * @return the name to read and write
     */
    public @NonNull String cookieName(@Nullable HttpRequest<?> request) {
        return hostPrefixWhenSecure && request != null ? cookieName(trustedProxies.isSecure(request)) : cookieName;
    }

    /**
     * @param secure whether the cookie is Secure on this request
     * @return the name to read and write
     */
    public @NonNull String cookieName(boolean secure) {
        return hostPrefixWhenSecure && secure ? HOST_PREFIX + cookieName : cookieName;
    }

    /**
     * Reads and checks every setting of {@code config}.
     *
     * @param config the application's configuration
     * @return the settings
     * @throws ConfigurationException naming the first setting that is wrong
     */
    public static @NonNull SessionSettings from(@NonNull SessionConfig config) {
        return from(config, List.of());
    }

    /**
     * Reads and checks every setting of {@code config}, and wraps its store in the decorators.
     *
     * @param config the application's configuration
     * @param decorators applied in order, the first innermost, such as the metrics' timer
     * @return the settings
     * @throws ConfigurationException naming the first setting that is wrong
     */
    public static @NonNull SessionSettings from(
            @NonNull SessionConfig config, @NonNull List<? extends StoreDecorator> decorators) {
        KvAdaptor store = config.kvAdaptor();
        for (StoreDecorator decorator : decorators) {
            store = decorator.decorate(store);
        }
        CookieOptions cookie = config.cookieOptions();
        if (cookie.hostPrefix()) {
            if (cookie.domain() != null || !"/".equals(cookie.path())) {
                throw invalid("session.cookie.host-prefix needs Path=/ and no Domain");
            }
            cookie = cookie.withHostPrefix();
        }
        if (cookie.sameSite() == SameSite.None && !Boolean.TRUE.equals(cookie.secure())) {
            throw invalid("session.cookie.same-site: None needs session.cookie.secure: true; browsers drop a"
                    + " SameSite=None cookie that is not Secure, and it would be sent cross-site in clear text");
        }
        String name = checkCookieName(config.cookieName());
        Duration ttl = positive("session.ttl", config.ttl());
        Duration touch = config.touchInterval();
        if (touch.isNegative() || touch.compareTo(ttl) >= 0) {
            throw invalid("session.touch-interval (" + touch + ") must be at least 0 and shorter than session.ttl ("
                    + ttl + ")");
        }
        int cap = nonNegative("session.max-sessions-per-user", config.maxSessionsPerUser());
        if (cap > 0 && !(config.kvAdaptor() instanceof UserIndexed)) {
            throw invalid("session.max-sessions-per-user is " + cap + ", but the store '"
                    + config.kvAdaptor().name() + "' keeps no index of each user's sessions: implement listByUser,"
                    + " deleteByUser and deleteForUser and mark it UserIndexed, or set"
                    + " session.max-sessions-per-user: 0 to run without a cap");
        }
        if (config.maxPayloadBytes() < 1) {
            throw invalid("session.max-payload-bytes must be positive");
        }
        SessionProperties values = new SessionProperties(
                config.kvAdaptor().name(),
                config.namespace(),
                name,
                ttl,
                positive("session.absolute-ttl", config.absoluteTtl()),
                touch,
                null,
                List.of(),
                config.excludePaths(),
                config.maxPayloadBytes(),
                positive("session.store-timeout", config.storeTimeout()),
                config.trustedProxies(),
                config.forwardedHeaders(),
                cap,
                config.createOnSafeMethods(),
                config.keepDataOnUserSwitch(),
                config.transports(),
                config.getClass().getName());
        return new SessionSettings(
                store,
                values,
                cookie.hostPrefix() ? HOST_PREFIX + name : name,
                cookie,
                PathExclusions.of(values.excludePaths()),
                TrustedProxies.of(values.trustedProxies(), values.forwardedHeaders()),
                transports(values.transports()),
                config.hostPrefixAllowed()
                        && !cookie.hostPrefix()
                        && cookie.secure() == null
                        && "/".equals(cookie.path())
                        && cookie.domain() == null);
    }

    private static String checkCookieName(String name) {
        if (name.isEmpty()) {
            throw invalid("session.cookie-name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!token) {
                throw invalid("session.cookie-name '" + name + "' has '" + c
                        + "', which a cookie name cannot contain; use letters, digits, '-' or '_'");
            }
        }
        return name;
    }

    private static int nonNegative(String key, int value) {
        if (value < 0) {
            throw invalid(key + " must be 0 (no cap) or more, was " + value);
        }
        return value;
    }

    private static Set<SessionTransport> transports(List<SessionTransport> transports) {
        if (transports.isEmpty()) {
            throw invalid("session.transports must name at least one of cookie, bearer");
        }
        return Set.copyOf(EnumSet.copyOf(transports));
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(key + " must be positive, was " + value);
        }
        return value;
    }

    private static ConfigurationException invalid(String message) {
        return new SessionSetupException(message);
    }
}
