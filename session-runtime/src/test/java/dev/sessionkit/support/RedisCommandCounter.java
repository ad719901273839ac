package dev.sessionkit.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.event.command.CommandSucceededEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every command the application's Redis clients send: what "one command per read" means,
 * where the server's own statistics also count the commands a script runs inside. It joins the
 * client micronaut-redis makes as that bean is created, and the store's event loop clients as a
 * {@link CommandListener} bean; it also notes the thread each answer arrives on.
 */
@Singleton
@Requires(env = "test")
@Requires(classes = RedisClient.class)
public class RedisCommandCounter implements BeanCreatedEventListener<RedisClient>, CommandListener {

    public final List<String> sent = new CopyOnWriteArrayList<>();
    public final List<String> answeredOn = new CopyOnWriteArrayList<>();

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        event.getBean().addListener(this);
        return event.getBean();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        sent.add(event.getCommand().getType().toString());
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        answeredOn.add(Thread.currentThread().getName());
    }
}
