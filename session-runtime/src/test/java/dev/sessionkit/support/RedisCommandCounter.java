package dev.sessionkit.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every command the application's Redis client sends: what "one command per read" means,
 * where the server's own statistics also count the commands a script runs inside.
 */
@Singleton
@Requires(env = "test")
@Requires(classes = RedisClient.class)
public class RedisCommandCounter implements BeanCreatedEventListener<RedisClient>, CommandListener {

    public final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        event.getBean().addListener(this);
        return event.getBean();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        sent.add(event.getCommand().getType().toString());
    }
}
