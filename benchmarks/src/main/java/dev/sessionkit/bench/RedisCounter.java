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

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
