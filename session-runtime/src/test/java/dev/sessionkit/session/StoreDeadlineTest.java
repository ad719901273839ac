package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final StoreDeadline deadline = new StoreDeadline(TIMEOUT);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aResultFromAnotherThreadResumesOnTheCallersLoop() throws Exception {
        String loopThread = onLoop(() -> Thread.currentThread().getName());
        CompletableFuture<String> call = new CompletableFuture<>();
        CompletableFuture<String> resumedOn = onLoop(() -> deadline.bound(call))
                .thenApply(value -> Thread.currentThread().getName() + ":" + value)
                .toCompletableFuture();
        new Thread(() -> call.complete("x"), "store-client").start();
        assertEquals(loopThread + ":x", resumedOn.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aResultArrivingOnTheLoopItselfIsTakenAtOnce() throws Exception {
        CompletableFuture<String> call = new CompletableFuture<>();
        List<String> order = new CopyOnWriteArrayList<>();
        onLoop(() -> deadline.bound(call).thenRun(() -> order.add("resumed")));
        onLoop(() -> {
            call.complete("x");
            return order.add("the completing task goes on");
        });
        assertEquals(List.of("resumed", "the completing task goes on"), order, "no hop through the task queue");
    }

    @Test
    void onTheLoopACallThatDoesNotAnswerInTimeFailsWithATimeoutAndIsCancelled() throws Exception {
        CompletableFuture<String> call = new CompletableFuture<>();
        long start = System.nanoTime();
        CompletionStage<String> bounded = onLoop(() -> deadline.bound(call));
        ExecutionException e = assertThrows(
                ExecutionException.class, () -> bounded.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertTrue(System.nanoTime() - start >= TIMEOUT.toNanos(), "not before the timeout");
        awaitCancelled(call);
    }

    @Test
    void offTheLoopsTheCallIsBoundedToo() throws InterruptedException {
        CompletableFuture<String> call = new CompletableFuture<>();
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> deadline.bound(call).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        awaitCancelled(call);
    }

    /** The caller hears of the timeout first; the call is cancelled right after. */
    private static void awaitCancelled(CompletableFuture<?> call) throws InterruptedException {
        for (int i = 0; i < 100 && !call.isCancelled(); i++) {
            Thread.sleep(10);
        }
        assertTrue(call.isCancelled(), "the store call is cancelled");
    }

    @Test
    void aFinishedCallPassesStraightThrough() throws Exception {
        CompletableFuture<String> done = CompletableFuture.completedFuture("x");
        assertSame(done, onLoop(() -> deadline.bound(done)));
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }
}
