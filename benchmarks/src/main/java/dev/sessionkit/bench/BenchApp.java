package dev.sessionkit.bench;

import dev.sessionkit.store.redis.NearCacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.Micronaut;
import io.micronaut.session.Session;

/**
 * The application under load. {@code bench.app} picks what is on: {@code bare} (no session
 * library), {@code sessionkit} or {@code mnsession} (Micronaut's own session module); the runner
 * starts one JVM per configuration.
 */
public final class BenchApp {

    private BenchApp() {}

    /** @param args passed to Micronaut */
    public static void main(String[] args) {
        Micronaut.build(args).mainClass(BenchApp.class).start();
    }

    /** The reference endpoint, in every configuration. */
    @Controller
    static class Hello {
        @Get("/hello")
        String hello() {
            return "hello";
        }
    }

    /** SessionKit with a typed schema. */
    @Controller("/sk")
    @Requires(property = "bench.app", value = "sessionkit")
    static class SessionKitEndpoints {
        private final BenchSessions sessions;

        SessionKitEndpoints(BenchSessions sessions) {
            this.sessions = sessions;
        }

        @Post("/login")
        String login() {
            sessions.set(BenchSessionData.builder().userId("u-1").visits(1).build());
            return "ok";
        }

        /** A read-only request: the typed session as an argument. */
        @Get("/read")
        String read(BenchSession session) {
            return session.userId();
        }

        /** Ends the session: what the revocation figure measures. */
        @Post("/logout")
        String logout() {
            sessions.destroy();
            return "ok";
        }

        /** Changes one field from what it was, losing no concurrent change (compare-and-set). */
        @Post("/write")
        String write(BenchSession session) {
            sessions.update(s -> s.withVisits(s.visits() + 1));
            return "ok";
        }

        /** The same change as a blind write, as {@code update} was before it compared. */
        @Post("/write-blind")
        String writeBlind(BenchSession session) {
            sessions.set(BenchSessionData.copyOf(session).withVisits(session.visits() + 1));
            return "ok";
        }
    }

    /**
     * The near cache's public meters so far: {@code "<hits> <misses> <invalidations> <flushes>"}.
     */
    @Controller("/sk")
    @Requires(property = "session.redis.near-cache.enabled", value = "true")
    static class NearCacheMeters {
        private final MeterRegistry registry;

        NearCacheMeters(MeterRegistry registry) {
            this.registry = registry;
        }

        @Get("/near-cache")
        String gets() {
            return count("hit") + " " + count("miss") + " " + total(NearCacheMetrics.INVALIDATIONS) + " "
                    + total(NearCacheMetrics.FLUSHES);
        }

        private long count(String result) {
            return (long) registry.get(NearCacheMetrics.GETS)
                    .tag("result", result)
                    .functionCounter()
                    .count();
        }

        private long total(String name) {
            return (long) registry.get(name).functionCounter().count();
        }
    }

    /** micronaut-session, the same requests. */
    @Controller("/mn")
    @Requires(property = "bench.app", value = "mnsession")
    static class MicronautSessionEndpoints {
        @Post("/login")
        String login(Session session) {
            session.put("userId", "u-1");
            session.put("visits", 1);
            return "ok";
        }

        @Get("/read")
        String read(Session session) {
            return session.get("userId", String.class).orElse("none");
        }
    }
}
