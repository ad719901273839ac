package dev.sessionkit.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Counts commands a Redis server has executed, from INFO commandstats, leaving out INFO itself. */
public final class RedisStats implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public RedisStats(String uri) {
        client = RedisClient.create(uri);
        connection = client.connect();
    }

    /** @return commands executed so far, other than INFO */
    public long commands() {
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
