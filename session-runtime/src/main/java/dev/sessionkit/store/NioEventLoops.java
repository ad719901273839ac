package dev.sessionkit.store;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.netty.channel.IoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

/**
 * The event loop a store may open a connection of its own on: the current thread's, when it is a
 * Netty NIO loop, the transport whose channels the stores' loop connections use.
 */
@Internal
public final class NioEventLoops {

    private NioEventLoops() {}

    /** @return the NIO event loop running the current thread, or null on any other thread */
    public static @Nullable IoEventLoop current() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        return executor instanceof IoEventLoop loop && loop.inEventLoop() && loop.isIoType(NioIoHandler.class)
                ? loop
                : null;
    }
}
