package dev.sessionkit.event;

import dev.sessionkit.config.SessionSettings;
import dev.sessionkit.store.StoreSignals;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever holds something for a session that it ended, on this instance and, through the
 * store's {@link StoreSignals}, on every other instance sharing the store: the WebSockets of a
 * session close the moment it is signed out, revoked, evicted, renewed or found expired, wherever
 * that happened. The store is subscribed to only once something listens.
 */
@Internal
@Singleton
public final class SessionEndings {

    /** Why sessions ended; the text is what a closed WebSocket is told. */
    public enum Reason {
        /** The session was signed out or destroyed. */
        SIGNED_OUT("session ended: signed out"),
        /** The user ended it from another session, or an admin did. */
        REVOKED("session ended: signed out from another device"),
        /** The per-user cap ended it when the user signed in elsewhere. */
        EVICTED("session ended: signed in on too many devices"),
        /** It reached its idle or absolute lifetime. */
        EXPIRED("session ended: expired"),
        /** It moved to a new id, as at sign-in; a client reconnects with its new cookie. */
        RENEWED("session renewed: connect again"),
        /** It was found gone before its expiry, and no word of why arrived. */
        GONE("session ended");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** @return the words for a client */
        public @NonNull String text() {
            return text;
        }
    }

    /** Told of every ending on any instance sharing the store. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param ids the public ids of the sessions that ended
         * @param reason why
         */
        void ended(@NonNull Collection<String> ids, @NonNull Reason reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndings.class);
    private static final int IDS_PER_MESSAGE = 100;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Provider<SessionSettings> settings;
    private final String origin = UUID.randomUUID().toString();
    private final TaskScheduler scheduler;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable AutoCloseable subscription;
    private volatile @Nullable StoreSignals signals;
    private volatile String channel = "";
    private volatile boolean closed;

    /** The settings are read when first needed: the store they hold tells this class of expiries. */
    SessionEndings(Provider<SessionSettings> settings, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /**
     * Adds a listener; the first one finds the store's signals and subscribes this instance to them,
     * trying again every second while the store is down. Without a listener, nothing is told or sent.
     *
     * @param listener told of every ending
     */
    public synchronized void listen(@NonNull Listener listener) {
        boolean first = listeners.isEmpty();
        if (first) {
            channel = settings.get().values().namespace() + "ended";
            signals = settings.get().kvAdaptor().signals();
        }
        listeners.add(listener);
        if (first && signals != null) {
            subscribe();
        }
    }

    /** @return whether endings on other instances reach this one now: the store has no signals, or is subscribed */
    public boolean isConnected() {
        return subscription != null || signals == null;
    }

    /**
     * Tells this instance's listeners at once and the other instances through the store.
     *
     * @param ids the public ids of the sessions that ended
     * @param reason why
     */
    public void ended(@NonNull Collection<String> ids, @NonNull Reason reason) {
        if (ids.isEmpty() || listeners.isEmpty()) {
            return; // an app without WebSockets: nobody here or elsewhere holds anything for a session
        }
        StoreSignals signals = this.signals;
        tell(ids, reason);
        if (signals == null) {
            return;
        }
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_MESSAGE) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IDS_PER_MESSAGE));
            String message = origin + ' ' + reason.name() + ' ' + String.join(" ", part);
            signals.publish(channel, message).exceptionally(error -> {
                LOG.warn("Other instances were not told that {} session(s) ended: {}", part.size(), error.getMessage());
                return null;
            });
        }
    }

    private void tell(Collection<String> ids, Reason reason) {
        for (Listener listener : listeners) {
            try {
                listener.ended(ids, reason);
            } catch (RuntimeException e) {
                LOG.error("A session-end listener failed", e);
            }
        }
    }

    /** A message from the store: another instance's endings; this instance's own were told already. */
    private void received(String message) {
        String[] parts = message.split(" ");
        if (parts.length < 3 || parts[0].equals(origin)) {
            return;
        }
        Reason reason;
        try {
            reason = Reason.valueOf(parts[1]);
        } catch (IllegalArgumentException unknown) {
            return; // from a newer version of SessionKit
        }
        tell(List.of(parts).subList(2, parts.length), reason);
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        try {
            subscription = Objects.requireNonNull(signals).subscribe(channel, this::received);
        } catch (RuntimeException e) {
            LOG.debug("Subscribing to session endings failed; trying again: {}", e.getMessage());
            scheduler.schedule(RETRY, this::subscribe);
        }
    }

    @PreDestroy
    void close() throws Exception {
        closed = true;
        AutoCloseable open = subscription;
        if (open != null) {
            open.close();
        }
    }
}
