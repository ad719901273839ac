package dev.sessionkit.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.store.redis.NearCacheMetrics;
import dev.sessionkit.testing.RedisServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole conformance kit again, with the sessions on Redis and the near cache on: revocation,
 * sign-out, regeneration and expiry must hold with copies served from memory. The annotations
 * are ShopConformanceTest's again: Micronaut Test reads them from the test class itself.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ShopConformanceTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "shop.bcrypt-cost", value = "4")
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class ShopConformanceNearCacheTest extends ShopConformanceTest {

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(RedisServers.storeProperties("shop-conformance-near-cache"));
        properties.put("session.redis.near-cache.enabled", "true");
        return properties;
    }

    /** The kit's reads were really answered from the near cache, not only from Redis. */
    @AfterAll
    void theNearCacheServedReads() {
        double hits = meters.get(NearCacheMetrics.GETS)
                .tag("result", "hit")
                .functionCounter()
                .count();
        assertTrue(hits > 10, "near-cache hits during the kit: " + hits);
    }
}
