/** The Redis store, active when micronaut-redis-lettuce is on the classpath. */
@Configuration
@Requires(classes = io.lettuce.core.api.StatefulRedisConnection.class)
package dev.sessionkit.store.redis;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
