package dev.sessionkit.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One connection to PostgreSQL that lives on one event loop and only reads sessions: it signs in
 * (trust, password, MD5 or SCRAM-SHA-256), then sends each batch of reads as one execution of a
 * prepared {@code SELECT … WHERE id = ANY($1)} ({@link WireMessages}), and answers the batch's
 * reads when PostgreSQL says it is done. Batches may follow one another before the first is
 * answered; PostgreSQL answers them in order. Everything here runs on the connection's loop.
 */
final class WireConnection extends ChannelInboundHandlerAdapter {

    /** What the loop's reads are told about the connection. */
    interface Listener {
        /** Signed in: batches may be sent. */
        void ready(WireConnection connection);

        /** A batch was answered, and its reads are about to be told; none may be in flight now. */
        void answered(WireConnection connection);

        /**
         * Gone, or never up.
         *
         * @param unanswered the reads sent and not yet answered
         * @param why what happened, for the log
         * @param lasting true when trying again cannot help (an authentication it does not speak)
         */
        void closed(WireConnection connection, List<LoopReads.Read> unanswered, String why, boolean lasting);
    }

    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    /**
     * The one statement is planned once, and its plan must probe the key's index however small the
     * table was then (a scan chosen for a one-page table would be kept as it grows): no scans here.
     */
    private static final Map<String, String> SETTINGS =
            Map.of("plan_cache_mode", "force_generic_plan", "enable_seqscan", "off");

    private final WireAddress address;
    private final byte[] query;
    private final SessionRows rows;
    private final Listener listener;
    private final ArrayDeque<ReadBatch> inFlight = new ArrayDeque<>();
    private @Nullable Channel channel;
    private @Nullable Scram scram;
    private boolean ready;
    private boolean parsed;
    private boolean closed;

    private WireConnection(WireAddress address, String query, SessionRows rows, Listener listener) {
        this.address = address;
        this.query = query.getBytes(StandardCharsets.UTF_8);
        this.rows = rows;
        this.listener = listener;
    }

    /**
     * Opens a connection on {@code loop}; the listener hears that it is ready or that it closed.
     *
     * @param socket where {@code address} resolved to
     * @param query the batch read, with the ids as $1
     * @param timeoutMillis how long connecting and signing in may take
     */
    static WireConnection open(
            EventLoop loop,
            WireAddress address,
            InetSocketAddress socket,
            String query,
            SessionRows rows,
            Listener listener,
            int timeoutMillis) {
        WireConnection connection = new WireConnection(address, query, rows, listener);
        new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_MESSAGE, 1, 4, -4, 0), connection);
                    }
                })
                .connect(socket)
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        connection.fail("connecting to " + address + " failed: " + connected.cause(), false);
                    }
                });
        loop.schedule(
                () -> {
                    if (!connection.ready) {
                        connection.fail("signing in to " + address + " took over " + timeoutMillis + " ms", false);
                    }
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        return connection;
    }

    /** Sends one batch of reads; {@code nowMillis} is the time their sessions must not have expired by. */
    void send(List<LoopReads.Read> reads, long nowMillis) {
        Channel ch = channel;
        if (ch == null || closed) {
            listener.closed(this, reads, "the connection closed", false);
            return;
        }
        inFlight.add(new ReadBatch(reads, System.nanoTime(), nowMillis));
        ByteBuf out = ch.alloc().buffer(128 + (parsed ? 0 : query.length) + reads.size() * 80);
        WireMessages.batch(out, parsed ? null : query, reads);
        parsed = true;
        ch.writeAndFlush(out, ch.voidPromise());
    }

    /** @return when the oldest unanswered batch was sent, by {@link System#nanoTime()}; 0 for none */
    long oldestSentNanos() {
        ReadBatch oldest = inFlight.peek();
        return oldest == null ? 0 : oldest.sentNanos();
    }

    /** @return whether the connection has closed, or failed to open */
    boolean isClosed() {
        return closed;
    }

    /** Closes the connection; its unanswered reads go to the listener. */
    void close(String why) {
        fail(why, false);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        Map<String, String> parameters = new LinkedHashMap<>(address.startup());
        parameters.putAll(SETTINGS);
        write(ctx, out -> WireMessages.startup(out, parameters));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            char type = (char) in.readByte();
            in.skipBytes(4);
            if (ready) {
                answer(type, in);
            } else {
                signIn(ctx, type, in);
            }
        } catch (RuntimeException e) {
            fail("a message from PostgreSQL could not be read: " + e, false);
        } finally {
            ReferenceCountUtil.release(in);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail("the connection closed", false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail("the connection to " + address + " failed: " + cause.getMessage(), false);
    }

    private void signIn(ChannelHandlerContext ctx, char type, ByteBuf in) {
        switch (type) {
            case 'R' -> authenticate(ctx, in.readInt(), in);
            case 'Z' -> {
                ready = true;
                listener.ready(this);
            }
            case 'E' -> {
                String error = WireMessages.error(in);
                // Retrying cannot help a refused sign-in (28…) or a server older than PostgreSQL 12,
                // which does not know plan_cache_mode (42704); JDBC, which signs in its own way, serves.
                fail(
                        "PostgreSQL refused the connection: " + error,
                        error.contains("(SQLSTATE 28") || error.endsWith("(SQLSTATE 42704)"));
            }
            default -> {} // parameter status, backend key, notices
        }
    }

    private void authenticate(ChannelHandlerContext ctx, int kind, ByteBuf in) {
        String password = address.password() == null ? "" : address.password();
        switch (kind) {
            case 0 -> {}
            case 3 -> write(ctx, out -> WireMessages.password(out, password));
            case 5 -> {
                String answer = Md5Password.of(address.user(), password, in.readInt());
                write(ctx, out -> WireMessages.password(out, answer));
            }
            case 10 -> {
                if (!WireMessages.mechanisms(in).contains(Scram.MECHANISM) || address.password() == null) {
                    fail("PostgreSQL asks for an authentication these connections do not speak", true);
                    return;
                }
                Scram started = new Scram(password);
                scram = started;
                write(ctx, out -> WireMessages.sasl(out, Scram.MECHANISM, started.first()));
            }
            case 11 -> {
                String answer = scram().answer(in.toString(StandardCharsets.UTF_8));
                write(ctx, out -> WireMessages.sasl(out, null, answer));
            }
            case 12 -> {
                if (!scram().verify(in.toString(StandardCharsets.UTF_8))) {
                    fail("PostgreSQL's SCRAM signature does not match: not the server that knows the password", true);
                }
            }
            default ->
                fail("PostgreSQL asks for authentication " + kind + ", which these connections do not speak", true);
        }
    }

    private Scram scram() {
        if (scram == null) {
            throw new IllegalStateException("a SCRAM message came before SCRAM began");
        }
        return scram;
    }

    private void answer(char type, ByteBuf in) {
        ReadBatch batch = inFlight.peek();
        if (batch == null) {
            return; // a notice or a parameter change between batches
        }
        switch (type) {
            case 'D' -> {
                if (batch.error() == null) {
                    try {
                        WireMessages.row(in, rows, batch);
                    } catch (RuntimeException e) {
                        batch.fail("a row could not be read: " + e.getMessage());
                    }
                }
            }
            case 'E' -> batch.fail(WireMessages.error(in));
            case 'Z' -> {
                inFlight.poll();
                if (batch.error() == null) {
                    listener.answered(this); // what waited for this batch leaves before its requests go on
                    batch.settle();
                } else { // whatever failed (a missing table, say), the next connection starts again from Parse
                    batch.settle();
                    fail("a read failed: " + batch.error(), false);
                }
            }
            default -> {} // parse, bind and command complete, notices
        }
    }

    private void fail(String why, boolean lasting) {
        if (closed) {
            return;
        }
        closed = true;
        List<LoopReads.Read> unanswered = new ArrayList<>();
        for (ReadBatch batch : inFlight) {
            unanswered.addAll(batch.reads());
        }
        inFlight.clear();
        if (channel != null) {
            channel.close();
        }
        listener.closed(this, unanswered, why, lasting);
    }

    private static void write(ChannelHandlerContext ctx, Consumer<ByteBuf> message) {
        ByteBuf out = ctx.alloc().buffer();
        message.accept(out);
        ctx.writeAndFlush(out, ctx.voidPromise());
    }
}
