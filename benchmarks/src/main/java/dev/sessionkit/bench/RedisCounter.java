package dev.sessionkit.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Commands a Redis server has executed (INFO commandstats, INFO itself left out). */
final class RedisCounter implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisCounter(String uri) {
        client = RedisClient.create(uri);
        connection = client.connect();
    }

    long commands() {
        long total = 0;
        for (String line : connection.sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:")) {
                int start = line.indexOf("calls=") + 6;
                total += Long.parseLong(line.substring(start, line.indexOf(',', start)));
            }
        }
        return total;
    }

    /** @return which Redis this is, for the report: its version and where it came from */
    String describe(String origin) {
        for (String line : connection.sync().info("server").split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return "Redis " + line.substring(line.indexOf(':') + 1).trim() + " (" + origin + ")";
            }
        }
        return "Redis (" + origin + ")";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
