package dev.sessionkit.bench;

import dev.sessionkit.session.ServerSessions;
import dev.sessionkit.store.redis.NearCacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.runtime.Micronaut;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

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

        /** A read-only request that answers for any session, signed in or not (the scaling figures). */
        @Get("/visits")
        String visits(BenchSession session) {
            return Integer.toString(session.visits());
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

    /** The scaling figures' tools: many signed-in sessions, the heap they take, listing and paging. */
    @Controller("/scale")
    @Requires(property = "bench.app", value = "sessionkit")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class ScaleEndpoints {
        private static final int IN_FLIGHT = 64;
        private final ServerSessions sessions;

        ScaleEndpoints(ServerSessions sessions) {
            this.sessions = sessions;
        }

        /**
         * Creates sessions {@code from} to {@code to - 1}, three per user, as sign-ins would.
         *
         * @return the tokens of about {@code sample} of them, spread over the range, one a line
         */
        @Post("/fill")
        String fill(@QueryValue int from, @QueryValue int to, @QueryValue int sample) throws InterruptedException {
            Semaphore free = new Semaphore(IN_FLIGHT);
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            AtomicLong failed = new AtomicLong();
            int every = Math.max(1, (to - from) / Math.max(1, sample));
            for (int i = from; i < to; i++) {
                free.acquire();
                boolean kept = (i - from) % every == 0;
                sessions.create("scale-" + i / 3, null, "127.0.0.1").whenComplete((issued, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    } else if (kept) {
                        tokens.add(issued.token());
                    }
                    free.release();
                });
            }
            free.acquire(IN_FLIGHT);
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " sessions could not be created");
            }
            return String.join("\n", tokens);
        }

        /** @return the bytes of live objects on the heap after a full collection */
        @Get("/heap")
        String heap() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return Long.toString(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        /** @return how many live sessions the user has */
        @Get("/list")
        String list(@QueryValue String user) {
            return Integer.toString(
                    sessions.listForUser(user).toCompletableFuture().join().size());
        }

        /** @return the sessions counted by paging through all of them, and the microseconds it took */
        @Get("/page-all")
        String pageAll(@QueryValue int limit) {
            long start = System.nanoTime();
            long count = 0;
            String cursor = null;
            do {
                ServerSessions.Page page =
                        sessions.list(null, cursor, limit).toCompletableFuture().join();
                count += page.sessions().size();
                cursor = page.next();
            } while (cursor != null);
            return count + " " + (System.nanoTime() - start) / 1000;
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
