package dev.sessionkit.store;

import io.micronaut.core.annotation.NonNull;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A store's broadcast channel: what one instance publishes, every instance sharing the store
 * receives, itself included (Redis pub/sub, PostgreSQL {@code NOTIFY}). SessionKit sends on it
 * which sessions ended, so that every instance closes the WebSockets it holds for them. Delivery
 * is at most once and only to instances subscribed at the time.
 */
public interface StoreSignals {

    /**
     * @param channel the channel, named after the session namespace
     * @param message a short text, at most 7,000 bytes
     * @return completes once the store has taken the message
     */
    @NonNull
    CompletionStage<Void> publish(@NonNull String channel, @NonNull String message);

    /**
     * Delivers the channel's messages to {@code receiver}, on a thread of the store's, until the
     * handle is closed; a lost connection is made again in the background.
     *
     * @param channel the channel
     * @param receiver gets each message
     * @return the subscription, to close at shutdown
     */
    @NonNull
    AutoCloseable subscribe(@NonNull String channel, @NonNull Consumer<String> receiver);
}
