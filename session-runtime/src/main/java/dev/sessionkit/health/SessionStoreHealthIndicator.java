package dev.sessionkit.health;

import dev.sessionkit.config.SessionSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;

/**
 * Adds the session store to Micronaut's {@code /health}: UP with the latency of one read, or DOWN
 * (and so the whole endpoint 503) while the store does not answer within {@code
 * session.store-timeout}. Present when micronaut-management is on the classpath.
 */
@Singleton
@Requires(classes = HealthIndicator.class)
public final class SessionStoreHealthIndicator implements HealthIndicator {

    /** The name the indicator has in the {@code /health} answer. */
    public static final String NAME = "sessionStore";

    /** A key no session has: a read of it costs the store one lookup and finds nothing. */
    private static final String PROBE = "sk-health-probe";

    private final SessionSettings settings;
    private final String store;

    SessionStoreHealthIndicator(SessionSettings settings) {
        this.settings = settings;
        this.store = settings.kvAdaptor().name();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        long start = System.nanoTime();
        long timeoutMs = settings.values().storeTimeout().toMillis();
        CompletableFuture<?> read;
        try {
            read = settings.kvAdaptor()
                    .load(settings.values().namespace() + PROBE)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HealthResult> result = read.copy()
                .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .handle((record, error) -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("store", store);
                    details.put("latencyMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    if (error == null) {
                        return HealthResult.builder(NAME, HealthStatus.UP)
                                .details(details)
                                .build();
                    }
                    details.put("error", describe(error, timeoutMs));
                    return HealthResult.builder(NAME, HealthStatus.DOWN)
                            .details(details)
                            .build();
                });
        return Publishers.fromCompletableFuture(result);
    }

    /** What went wrong, without the exception's text (it can name hosts and queries). */
    private static String describe(Throwable error, long timeoutMs) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TimeoutException
                ? "no answer within " + timeoutMs + " ms"
                : "the store failed: " + cause.getClass().getSimpleName();
    }
}
