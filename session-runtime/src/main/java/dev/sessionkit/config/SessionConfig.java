package dev.sessionkit.config;

import dev.sessionkit.store.KvAdaptor;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an application's sessions are stored and sent. Every setting defaults to {@code session.*}
 * in {@code application.yml}; to decide in code, subclass this, mark the subclass {@code
 * @dev.sessionkit.annotation.Config}, take the store you want in its constructor and override what
 * you need. At most one such subclass may exist.
 */
public abstract class SessionConfig {

    private final KvAdaptor kvAdaptor;
    private @Nullable SessionProperties properties;
    private @Nullable CookieProperties cookie;

    /**
     * @param kvAdaptor the store sessions live in
     */
    protected SessionConfig(@NonNull KvAdaptor kvAdaptor) {
        this.kvAdaptor = Objects.requireNonNull(kvAdaptor, "kvAdaptor");
    }

    /**
     * Receives the settings the defaults are read from; called by Micronaut.
     *
     * @param properties the bound {@code session.*} settings
     * @param cookie the bound {@code session.cookie.*} settings
     */
    @Inject
    @Internal
    public final void setSessionProperties(@NonNull SessionProperties properties, @NonNull CookieProperties cookie) {
        this.properties = properties;
        this.cookie = cookie;
    }

    /**
     * The bound {@code session.*} settings, for subclasses that derive a value from them.
     *
     * @return the settings
     * @throws IllegalStateException when read before Micronaut injected them (in a constructor)
     */
    protected final @NonNull SessionProperties properties() {
        if (properties == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " read its settings in its constructor; read them in an overridden method instead");
        }
        return properties;
    }

    /** @return the store sessions live in */
    public @NonNull KvAdaptor kvAdaptor() {
        return kvAdaptor;
    }

    /** @return the prefix of every store key, so several apps can share one store */
    public @NonNull String kvStoreNamespace() {
        return properties().namespace();
    }

    /** @return the session cookie's name (without any {@code __Host-} prefix) */
    public @NonNull String cookieName() {
        return properties().cookieName();
    }

    /** @return the session cookie's attributes */
    public @NonNull CookieOptions cookieOptions() {
        return cookieProperties().toOptions();
    }

    /** @return false when {@code session.cookie.host-prefix: false} turns the {@code __Host-} prefix off */
    boolean hostPrefixAllowed() {
        return !Boolean.FALSE.equals(cookieProperties().hostPrefix());
    }

    /** @return the idle lifetime: a session untouched this long is gone */
    public @NonNull Duration ttl() {
        return properties().ttl();
    }

    /** @return the absolute lifetime, from creation or the latest sign-in; activity and regeneration do not extend it */
    public @NonNull Duration absoluteTtl() {
        return properties().absoluteTtl();
    }

    /** @return the least time between two writes that only extend the idle expiry */
    public @NonNull Duration touchInterval() {
        return properties().touchInterval();
    }

    /**
     * The signing secrets, newest first: the first signs, every one verifies (rotation). Each
     * must have at least 32 characters.
     *
     * @return {@code session.secret} followed by {@code session.secrets}
     */
    public @NonNull List<String> secrets() {
        List<String> all = new ArrayList<>();
        String secret = properties().secret();
        if (secret != null && !secret.isEmpty()) {
            all.add(secret);
        }
        all.addAll(properties().secrets());
        return all;
    }

    /** @return paths the middleware ignores: exact, or {@code /prefix/**} */
    public @NonNull List<String> excludePaths() {
        return properties().excludePaths();
    }

    /** @return the bound on one session's stored field names and JSON values, in bytes */
    public int maxPayloadBytes() {
        return properties().maxPayloadBytes();
    }

    /** @return the most sessions one user may have (0 = no cap); signing in past it ends the oldest */
    public int maxSessionsPerUser() {
        return properties().maxSessionsPerUser();
    }

    /** @return whether safe requests (GET, HEAD, ...) may create anonymous sessions; false by default */
    public boolean createOnSafeMethods() {
        return properties().createOnSafeMethods();
    }

    /** @return whether signing in as a different user keeps the session's data; false by default */
    public boolean keepDataOnUserSwitch() {
        return properties().keepDataOnUserSwitch();
    }

    /** @return proxies whose X-Forwarded-For gives the client address: addresses or CIDR blocks */
    public @NonNull List<String> trustedProxies() {
        return properties().trustedProxies();
    }

    /** @return which headers the trusted proxies write; X-Forwarded-* by default */
    public @NonNull ForwardedHeaders forwardedHeaders() {
        return properties().forwardedHeaders();
    }

    /** @return how tokens may arrive by default: cookie, bearer or both */
    public @NonNull List<SessionTransport> transports() {
        return properties().transports();
    }

    /** @return how long a store call may take before the request is answered 503 */
    public @NonNull Duration storeTimeout() {
        return properties().storeTimeout();
    }

    private CookieProperties cookieProperties() {
        properties();
        return Objects.requireNonNull(cookie);
    }
}
