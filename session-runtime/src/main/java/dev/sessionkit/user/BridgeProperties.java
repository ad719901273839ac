package dev.sessionkit.user;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@code session.bridge.*} settings of {@link UserBridge}.
 *
 * @param cacheTtl how long a resolved user context is reused for a session; 0 turns the cache off
 * @param cacheSize the most cached user contexts
 */
@ConfigurationProperties("session.bridge")
public record BridgeProperties(
        @Bindable(defaultValue = "30s") Duration cacheTtl,
        @Bindable(defaultValue = "10000") int cacheSize) {}
