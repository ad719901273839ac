package dev.sessionkit.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * What a Redis server says about itself: how many commands it has executed (INFO commandstats,
 * leaving out the INFO calls this class makes) and which version it is. Tests and benchmarks use
 * it to count the commands a request costs.
 */
public final class RedisStats implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    /** @param uri the server, such as {@code redis://127.0.0.1:6379} */
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

    /**
     * @param origin where this server came from, for the reader
     * @return its version and origin, such as {@code Redis 7.0.15 (the machine's)}
     */
    public String describe(String origin) {
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
