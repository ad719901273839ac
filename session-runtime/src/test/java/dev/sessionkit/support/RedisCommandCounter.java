package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.conformance.Client;
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
import java.util.concurrent.TimeUnit;

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

    /**
     * Reads {@code /t/thread} until its one command is answered on the thread its controller ran
     * on, as the store's event loop connections do once open; fails after 10 s.
     *
     * @param browser a browser holding a session
     */
    public void awaitReadsAnsweredOnTheirEventLoop(Client browser) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) { // a loop's own connection opens on its first use; the shared one answers meanwhile
            answeredOn.clear();
            String controller = browser.get("/t/thread").body();
            for (int i = 0; i < 100 && answeredOn.isEmpty(); i++) {
                Thread.sleep(10); // Lettuce tells listeners just after the result
            }
            if (answeredOn.equals(List.of(controller))) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the read was answered on " + answeredOn + ", not " + controller);
        }
    }
}
