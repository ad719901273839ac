package dev.sessionkit.support;

import dev.sessionkit.event.InvalidSessionTokenEvent;
import dev.sessionkit.event.SessionCreatedEvent;
import dev.sessionkit.event.SessionDestroyedEvent;
import dev.sessionkit.event.SessionExpiredEvent;
import dev.sessionkit.event.SessionFieldUndecodableEvent;
import dev.sessionkit.event.SessionRegeneratedEvent;
import dev.sessionkit.event.SessionRevokedEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every session event the application publishes. */
@Singleton
@Requires(env = "test")
public class EventLog {

    public final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SessionCreatedEvent event) {
        events.add(event);
    }

    @EventListener
    void on(SessionRegeneratedEvent event) {
        events.add(event);
    }

    @EventListener
    void on(SessionDestroyedEvent event) {
        events.add(event);
    }

    @EventListener
    void on(InvalidSessionTokenEvent event) {
        events.add(event);
    }

    @EventListener
    void on(SessionExpiredEvent event) {
        events.add(event);
    }

    @EventListener
    void on(SessionRevokedEvent event) {
        events.add(event);
    }

    @EventListener
    void on(SessionFieldUndecodableEvent event) {
        events.add(event);
    }
}
