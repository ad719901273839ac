package dev.sessionkit.metrics;

import dev.sessionkit.event.InvalidSessionTokenEvent;
import dev.sessionkit.event.SessionCreatedEvent;
import dev.sessionkit.event.SessionDestroyedEvent;
import dev.sessionkit.event.SessionExpiredEvent;
import dev.sessionkit.event.SessionFieldUndecodableEvent;
import dev.sessionkit.event.SessionRegeneratedEvent;
import dev.sessionkit.event.SessionRevokedEvent;
import dev.sessionkit.store.KvAdaptor;
import dev.sessionkit.store.StoreDecorator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * Micrometer meters for sessions, present when micronaut-micrometer is: counters of the lifecycle
 * and of rejected tokens, and a timer of every store call. The names are part of the public API.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
public final class SessionMetrics implements StoreDecorator {

    /** Sessions created. */
    public static final String CREATED = "sessionkit.sessions.new";
    /** Sessions given a new token, as at sign-in. */
    public static final String REGENERATED = "sessionkit.sessions.regenerated";
    /** Sessions ended by sign-out or destroy. */
    public static final String DESTROYED = "sessionkit.sessions.destroyed";
    /** Sessions ended from the session list; tagged {@code scope} (one, others, all). */
    public static final String REVOKED = "sessionkit.sessions.revoked";

    /** Sessions found dead at their idle or absolute expiry. */
    public static final String EXPIRED = "sessionkit.sessions.expired";
    /** Cookies rejected before any store call; tagged {@code reason}. */
    public static final String INVALID_TOKENS = "sessionkit.tokens.invalid";
    /** Stored fields that did not decode as this build's type; tagged {@code schema} and {@code field}. */
    public static final String UNDECODABLE_FIELDS = "sessionkit.fields.undecodable";
    /** Store calls; a timer tagged {@code operation} and {@code store}. */
    public static final String STORE = "sessionkit.store.calls";

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter regenerated;
    private final Counter destroyed;
    private final Counter expired;
    private final Map<InvalidSessionTokenEvent.Reason, Counter> invalid =
            new EnumMap<>(InvalidSessionTokenEvent.Reason.class);

    SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = counter(CREATED, "Sessions created");
        this.regenerated = counter(REGENERATED, "Sessions given a new token");
        this.destroyed = counter(DESTROYED, "Sessions ended by sign-out or destroy");
        this.expired = counter(EXPIRED, "Sessions found dead at their idle or absolute expiry");
        for (InvalidSessionTokenEvent.Reason reason : InvalidSessionTokenEvent.Reason.values()) {
            invalid.put(
                    reason,
                    Counter.builder(INVALID_TOKENS)
                            .description("Session cookies rejected before any store call")
                            .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
    }

    /** Puts a timer around the store every part of SessionKit reaches through the settings. */
    @Override
    public KvAdaptor decorate(KvAdaptor store) {
        return store instanceof TimedKvAdaptor ? store : new TimedKvAdaptor(store, registry);
    }

    @EventListener
    void on(SessionCreatedEvent event) {
        created.increment();
    }

    @EventListener
    void on(SessionRegeneratedEvent event) {
        regenerated.increment();
    }

    @EventListener
    void on(SessionDestroyedEvent event) {
        destroyed.increment();
    }

    @EventListener
    void on(SessionExpiredEvent event) {
        expired.increment();
    }

    @EventListener
    void on(SessionRevokedEvent event) {
        Counter.builder(REVOKED)
                .description("Sessions ended from the session list")
                .tag("scope", event.scope())
                .register(registry)
                .increment(event.count());
    }

    @EventListener
    void on(SessionFieldUndecodableEvent event) {
        Counter.builder(UNDECODABLE_FIELDS)
                .description("Stored session fields that did not decode as this build's type")
                .tag("schema", event.schema())
                .tag("field", event.storedName())
                .register(registry)
                .increment();
    }

    @EventListener
    void on(InvalidSessionTokenEvent event) {
        invalid.get(event.reason()).increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
