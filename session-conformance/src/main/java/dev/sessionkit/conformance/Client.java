package dev.sessionkit.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser-like HTTP client for tests: keeps the session cookie and any other cookie the server
 * sets, and follows no redirect. The kit's own clients also record every answer, which it looks
 * through for leaked tokens. An application's tests can use it too.
 */
public final class Client {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String cookieName;
    private final List<HttpResponse<String>> seen;
    private final Map<String, String> others = new LinkedHashMap<>();
    private String cookie;

    /**
     * @param base the application's address, such as {@code EmbeddedServer.getURI()}
     * @param cookieName the session cookie's name
     */
    public Client(URI base, String cookieName) {
        this(base, cookieName, null);
    }

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

    /** @return the other cookies the server set and did not clear (a flash or CSRF cookie), by name */
    public Map<String, String> otherCookies() {
        return others;
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
     * Sends a bodiless POST, as a form button with no fields does.
     *
     * @param path the path and query
     * @return the answer
     */
    public HttpResponse<String> post(String path) {
        return send("POST", path, null, null);
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
     * @param path the path
     * @param json the JSON body
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    /**
     * @param path the path and query
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /**
     * Sends a bodiless request with any method, such as HEAD.
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> request(String method, String path, String... headers) {
        return send(method, path, null, null, headers);
    }

    /**
     * Sends a GET with exactly this Cookie header, leaving the jar as it is: for forged, stale or
     * doubled cookies.
     *
     * @param path the path and query
     * @param cookieHeader the whole Cookie header
     * @return the answer
     */
    public HttpResponse<String> getWithCookieHeader(String path, String cookieHeader) {
        return exchange("GET", path, null, null, cookieHeader, new String[0]);
    }

    /**
     * @param method any HTTP method
     * @param path the path and query
     * @param contentType the body's type, or null for none
     * @param body the body, or null
     * @param headers extra headers as name, value, ...
     * @return the answer
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        return exchange(method, path, contentType, body, null, headers);
    }

    private HttpResponse<String> exchange(
            String method, String path, String contentType, String body, String rawCookie, String[] headers) {
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
        String cookieHeader = rawCookie != null ? rawCookie : jar();
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (seen != null) {
                seen.add(response);
            }
            if (rawCookie == null) {
                remember(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String jar() {
        StringBuilder header = new StringBuilder();
        if (cookie != null) {
            header.append(cookieName).append('=').append(cookie);
        }
        others.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                .append(name)
                .append('=')
                .append(value));
        return header.length() == 0 ? null : header.toString();
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            int eq = header.indexOf('=');
            int end = header.indexOf(';') < 0 ? header.length() : header.indexOf(';');
            String name = header.substring(0, eq);
            String value = header.substring(eq + 1, end);
            boolean gone = value.isEmpty() || header.contains("Max-Age=0");
            if (name.equals(cookieName)) {
                cookie = gone ? null : value;
            } else if (gone) {
                others.remove(name);
            } else {
                others.put(name, value);
            }
        }
    }

    static List<HttpResponse<String>> newLog() {
        return Collections.synchronizedList(new ArrayList<>());
    }
}
