package dev.sessionkit.bench;

import java.net.URI;
import java.util.function.LongSupplier;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * What Spring Session's Redis repositories store for the peer comparison's session (a user id and
 * a counter), written through Spring Session itself with its defaults: the repository Spring
 * Boot configures by default, and the indexed one, which finds a user's sessions as SessionKit's
 * user index does. Keys go under {@link BenchRedis#NAMESPACE}, removed after the run.
 */
final class SpringSessionBytes {

    private SpringSessionBytes() {}

    /** The bytes per session of each repository, measured as growth of {@code used}. */
    record Result(double plain, double indexed) {}

    /** Saves {@code sessions} sessions through {@code repository}; returns the bytes each added. */
    private static <S extends Session> double fill(
            SessionRepository<S> repository, LongSupplier used, int sessions, boolean indexed) {
        long before = used.getAsLong();
        for (int i = 0; i < sessions; i++) {
            S session = repository.createSession();
            if (indexed) {
                session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "u-1");
            }
            session.setAttribute("userId", "u-1");
            session.setAttribute("visits", 1);
            repository.save(session);
        }
        return (double) (used.getAsLong() - before) / sessions;
    }

    static Result measure(String redisUri, LongSupplier used, int sessions) {
        URI uri = URI.create(redisUri);
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            RedisTemplate<String, Object> template = new RedisTemplate<>();
            template.setConnectionFactory(factory);
            template.setKeySerializer(RedisSerializer.string());
            template.setHashKeySerializer(RedisSerializer.string());
            template.afterPropertiesSet();

            RedisSessionRepository plain = new RedisSessionRepository(template);
            plain.setRedisKeyNamespace(BenchRedis.NAMESPACE + "spring-plain");
            double plainBytes = fill(plain, used, sessions, false);

            RedisIndexedSessionRepository indexed = new RedisIndexedSessionRepository(template);
            indexed.setRedisKeyNamespace(BenchRedis.NAMESPACE + "spring-indexed");
            return new Result(plainBytes, fill(indexed, used, sessions, true));
        } finally {
            factory.destroy();
        }
    }
}
