package dev.sessionkit.user;

import dev.sessionkit.testing.RedisServers;
import java.util.HashMap;
import java.util.Map;

/** Two instances on one Redis, each reading through its near cache. */
class RedisNearCacheUserChangesTest extends UserChangesContract {

    @Override
    Map<String, String> storeProperties() {
        Map<String, String> properties = new HashMap<>(RedisServers.storeProperties("user-changes-near"));
        properties.put("session.redis.near-cache.enabled", "true");
        return properties;
    }
}
