package dev.sessionkit.user;

import dev.sessionkit.testing.RedisServers;
import java.util.Map;

/** Two instances on one Redis. */
class RedisUserChangesTest extends UserChangesContract {

    @Override
    Map<String, String> storeProperties() {
        return RedisServers.storeProperties("user-changes");
    }
}
