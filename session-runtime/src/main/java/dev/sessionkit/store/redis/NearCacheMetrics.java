package dev.sessionkit.store.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of the Redis store's near cache, present when both micronaut-micrometer and
 * the near cache are. The names are part of the public API.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
@Requires(property = "session.redis.near-cache.enabled", value = "true")
public final class NearCacheMetrics implements BeanCreatedEventListener<NearCache> {

    /** Session reads that looked in the near cache; tagged {@code result} (hit, miss). */
    public static final String GETS = "sessionkit.nearcache.gets";
    /** Copies dropped because Redis said their key changed. */
    public static final String INVALIDATIONS = "sessionkit.nearcache.invalidations";
    /** Copies dropped to stay within max-entries and max-bytes. */
    public static final String EVICTIONS = "sessionkit.nearcache.evictions";
    /** Times copies were emptied at once: a tracking connection's when it closed, all on a database flush. */
    public static final String FLUSHES = "sessionkit.nearcache.flushes";
    /** Copies held now. */
    public static final String SIZE = "sessionkit.nearcache.size";
    /** Estimated bytes held now. */
    public static final String BYTES = "sessionkit.nearcache.bytes";

    private final MeterRegistry registry;

    NearCacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public NearCache onCreated(BeanCreatedEvent<NearCache> event) {
        NearCache cache = event.getBean();
        FunctionCounter.builder(GETS, cache, NearCache::hits)
                .tag("result", "hit")
                .description("Session reads answered from the near cache")
                .register(registry);
        FunctionCounter.builder(GETS, cache, NearCache::misses)
                .tag("result", "miss")
                .description("Session reads the near cache could not answer")
                .register(registry);
        counter(INVALIDATIONS, cache, NearCache::invalidations, "Copies dropped because Redis said they changed");
        counter(EVICTIONS, cache, NearCache::evictions, "Copies dropped to stay within the bounds");
        counter(FLUSHES, cache, NearCache::flushes, "Times copies were emptied at once");
        Gauge.builder(SIZE, cache, NearCache::size).description("Copies held").register(registry);
        Gauge.builder(BYTES, cache, NearCache::bytes)
                .description("Estimated bytes held")
                .baseUnit("bytes")
                .register(registry);
        return cache;
    }

    private void counter(String name, NearCache cache, ToDoubleFunction<NearCache> count, String description) {
        FunctionCounter.builder(name, cache, count).description(description).register(registry);
    }
}
