package dev.sessionkit.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser-like client for the kit: keeps one session cookie, follows nothing, and records every
 * answer so the kit can look for leaked tokens.
 */
public final class Client {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String cookieName;
    private final List<HttpResponse<String>> seen;
    private String cookie;

    Client(URI base, String cookieName, List<HttpResponse<String>> seen) {
        this.base = base;
        this.cookieName = cookieName;
        this.seen = seen;
    }

    /** @return the session cookie's value, or null */
    public String cookie() {
        return cookie;
    }

    /** @param value the session cookie to send from now on, or null */
    public void cookie(String value) {
        this.cookie = value;
    }

    /**
     * @param path the path and query
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /**
     * @param path the path
     * @param contentType the body's type, or null for none
     * @param body the body, or null
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send("POST", path, contentType, body, headers);
    }

    /**
     * @param method any HTTP method, such as HEAD or DELETE
     * @param path the path and query
     * @param contentType the body's type, or null for none
     * @param body the body, or null
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (cookie != null) {
            request.header("Cookie", cookieName + "=" + cookie);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            seen.add(response);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                if (setCookie.startsWith(cookieName + "=")) {
                    int end = setCookie.indexOf(';');
                    String value = setCookie.substring(cookieName.length() + 1, end < 0 ? setCookie.length() : end);
                    cookie = value.isEmpty() || setCookie.contains("Max-Age=0") ? null : value;
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<HttpResponse<String>> newLog() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }
}
