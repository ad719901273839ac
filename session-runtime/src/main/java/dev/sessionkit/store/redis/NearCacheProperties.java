package dev.sessionkit.store.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@code session.redis.near-cache.*} settings: a bounded local copy of hot sessions that Redis
 * itself keeps honest by telling each connection which keys it read have changed.
 *
 * @param enabled whether sessions read from Redis are kept in local memory and served from there until Redis says they changed (needs event-loop connections on one server; refused on a cluster)
 * @param maxEntries the most sessions kept; the oldest go first
 * @param maxBytes the most bytes of field names and values kept, roughly; the oldest go first
 * @param heartbeat how often each tracking connection is pinged; a copy is served only while a ping sent within the last two heartbeats has been answered, so no copy outlives a change, or a silently lost connection, by more than that
 */
@ConfigurationProperties("session.redis.near-cache")
public record NearCacheProperties(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "10000") int maxEntries,
        @Bindable(defaultValue = "33554432") long maxBytes,
        @Bindable(defaultValue = "500ms") Duration heartbeat) {}
