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
 * you need. At most one such subclass may exist. Each getter is the code form of the setting it
 * names, which {@link SessionProperties} describes; the values are read and checked once, at startup.
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

    /** @return {@code session.namespace} */
    public @NonNull String namespace() {
        return properties().namespace();
    }

    /** @return {@code session.cookie-name} */
    public @NonNull String cookieName() {
        return properties().cookieName();
    }

    /** @return the {@code session.cookie.*} attributes */
    public @NonNull CookieOptions cookieOptions() {
        return cookieProperties().toOptions();
    }

    /** @return false when {@code session.cookie.host-prefix: false} turns the {@code __Host-} prefix off */
    boolean hostPrefixAllowed() {
        return !Boolean.FALSE.equals(cookieProperties().hostPrefix());
    }

    /** @return {@code session.ttl} */
    public @NonNull Duration ttl() {
        return properties().ttl();
    }

    /** @return {@code session.absolute-ttl} */
    public @NonNull Duration absoluteTtl() {
        return properties().absoluteTtl();
    }

    /** @return {@code session.touch-interval} */
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

    /** @return {@code session.exclude-paths} */
    public @NonNull List<String> excludePaths() {
        return properties().excludePaths();
    }

    /** @return {@code session.max-payload-bytes} */
    public int maxPayloadBytes() {
        return properties().maxPayloadBytes();
    }

    /** @return {@code session.max-sessions-per-user} */
    public int maxSessionsPerUser() {
        return properties().maxSessionsPerUser();
    }

    /** @return {@code session.create-on-safe-methods} */
    public boolean createOnSafeMethods() {
        return properties().createOnSafeMethods();
    }

    /** @return {@code session.keep-data-on-user-switch} */
    public boolean keepDataOnUserSwitch() {
        return properties().keepDataOnUserSwitch();
    }

    /** @return {@code session.trusted-proxies} */
    public @NonNull List<String> trustedProxies() {
        return properties().trustedProxies();
    }

    /** @return {@code session.forwarded-headers} */
    public @NonNull ForwardedHeaders forwardedHeaders() {
        return properties().forwardedHeaders();
    }

    /** @return {@code session.transports} */
    public @NonNull List<SessionTransport> transports() {
        return properties().transports();
    }

    /** @return {@code session.store-timeout} */
    public @NonNull Duration storeTimeout() {
        return properties().storeTimeout();
    }

    private CookieProperties cookieProperties() {
        properties();
        return Objects.requireNonNull(cookie);
    }
}
