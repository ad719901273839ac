package dev.sessionkit.bench;

import io.micronaut.core.annotation.Nullable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One keep-alive HTTP/1.1 connection to a server on loopback, a request at a time; bodies are skipped unless asked for. */
final class HttpConnection implements AutoCloseable {

    /**
     * An answer.
     *
     * @param status the status code
     * @param cookie the {@code name=value} of a Set-Cookie header, or null
     * @param body the body when asked for, else empty
     */
    record Response(int status, @Nullable String cookie, String body) {}

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    HttpConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** The bytes of a request without a body; built once for a request sent over and over. */
    static byte[] request(String method, String path, @Nullable String cookie) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (cookie != null) {
            b.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (!"GET".equals(method)) {
            b.append("Content-Length: 0\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A request whose answer's body is wanted, as a string; the answer must be 200. */
    String body(String method, String path) throws IOException {
        Response response = exchange(request(method, path, null), true);
        if (response.status() != 200) {
            throw new IllegalStateException(method + " " + path + ": " + response.status());
        }
        return response.body();
    }

    Response exchange(String method, String path, @Nullable String cookie) throws IOException {
        return exchange(request(method, path, cookie));
    }

    Response exchange(byte[] request) throws IOException {
        return exchange(request, false);
    }

    /** Sets how long a read may wait for the server, for requests that take long on purpose. */
    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    Response exchange(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        String cookie = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (header.regionMatches(true, 0, "set-cookie:", 0, 11)) {
                String value = header.substring(11).trim();
                int end = value.indexOf(';');
                cookie = end < 0 ? value : value.substring(0, end);
            }
        }
        if (keepBody) {
            return new Response(status, cookie, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        for (int skipped = 0; skipped < length; ) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                n = 1;
            }
            skipped += (int) n;
        }
        return new Response(status, cookie, "");
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
