package dev.sessionkit.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for tests: keeps what the server sent and how it closed the socket. */
public final class SocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile long closedAtNanos;

    private SocketClient(URI uri, String... headers) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedAtNanos = System.nanoTime();
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closedAtNanos = System.nanoTime();
                        closed.complete("error " + error);
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * @param server the server's http URI
     * @param path the socket's path
     * @param cookie the Cookie header, or null
     * @return an open socket
     */
    public static SocketClient open(URI server, String path, String cookie) throws Exception {
        URI uri = URI.create("ws://" + server.getAuthority() + path);
        String origin = "http://" + server.getAuthority();
        return cookie == null
                ? new SocketClient(uri, "Origin", origin)
                : new SocketClient(uri, "Origin", origin, "Cookie", cookie);
    }

    /** Sends a text message. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** @return the next message, waiting up to 10 s; fails when none came */
    public String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s; the socket "
                    + (closed.isDone() ? "closed: " + closed.getNow("") : "is open"));
        }
        return message;
    }

    /** @return sends {@code text} and returns the answer */
    public String ask(String text) throws InterruptedException {
        send(text);
        return next();
    }

    /** @return "code reason" once the server closed the socket, waiting up to {@code millis} */
    public String closedWithin(long millis) throws Exception {
        return closed.get(millis, TimeUnit.MILLISECONDS);
    }

    /** @return whether the socket is still open */
    public boolean isOpen() {
        return !closed.isDone();
    }

    /** @return when the close arrived, by System.nanoTime() */
    public long closedAtNanos() {
        return closedAtNanos;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
