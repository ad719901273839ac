package dev.sessionkit.live;

import dev.sessionkit.testing.RedisServers;
import java.util.Map;

/** Two instances on one Redis: endings travel by pub/sub. */
class RedisLiveAcrossInstancesTest extends LiveAcrossInstancesContract {

    @Override
    Map<String, String> storeProperties() {
        return RedisServers.storeProperties("live-sockets");
    }

    @Override
    int trials() {
        return 400;
    }
}
