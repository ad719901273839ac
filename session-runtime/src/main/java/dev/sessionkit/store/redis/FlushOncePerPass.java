package dev.sessionkit.store.redis;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Holds back a loop connection's flushes until the loop has finished what it is doing, then
 * flushes once: the commands of all the requests the loop handles in one pass leave in one write,
 * and Redis wakes once for them. Every flush asked for is followed by a real one within the same
 * pass of the loop, whatever the connection is reading: a command written with nothing else going
 * on (a heartbeat ping) is not left waiting for traffic. Netty's FlushConsolidationHandler did
 * leave such a command waiting: its scheduled flush is skipped while a read is in progress and
 * never scheduled again until the next read completes, which, with the near cache answering the
 * reads, could be half a second away.
 */
final class FlushOncePerPass extends ChannelOutboundHandlerAdapter {

    private ChannelHandlerContext context;
    private boolean pending;
    private final Runnable flush = this::flushNow;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!pending) {
            pending = true;
            ctx.channel().eventLoop().execute(flush);
        }
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushNow();
        ctx.disconnect(promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushNow();
        ctx.close(promise);
    }

    private void flushNow() {
        if (pending) {
            pending = false;
            context.flush();
        }
    }
}
