package dev.sessionkit.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A minimal cookie-keeping HTTP client: remembers the session cookie as a browser would. */
public final class Browser {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URL base;
    private final String cookieName;
    private String cookie;
    private final java.util.Map<String, String> others = new java.util.LinkedHashMap<>();

    public Browser(URL base, String cookieName) {
        this.base = base;
        this.cookieName = cookieName;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String value) {
        this.cookie = value;
    }

    public HttpResponse<String> get(String path) {
        return exchange("GET", path, null);
    }

    public HttpResponse<String> post(String path) {
        return exchange("POST", path, null);
    }

    /** Sends a request with extra headers (name, value, name, value, ...), keeping the jar. */
    public HttpResponse<String> send(String method, String path, String... headers) {
        return exchange(method, path, null, headers);
    }

    /** Sends a request with an explicit raw Cookie header, bypassing the jar. */
    public HttpResponse<String> getWithCookieHeader(String path, String cookieHeader) {
        return exchange("GET", path, cookieHeader);
    }

    private HttpResponse<String> exchange(String method, String path, String rawCookie, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        String header = rawCookie != null ? rawCookie : jar();
        if (header != null) {
            request.header("Cookie", header);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (rawCookie == null) {
                remember(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The other cookies the server set, such as a flash or CSRF cookie, by name. */
    public java.util.Map<String, String> otherCookies() {
        return others;
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
            boolean gone = header.contains("Max-Age=0") || value.isEmpty();
            if (name.equals(cookieName)) {
                cookie = gone ? null : value;
            } else if (gone) {
                others.remove(name);
            } else {
                others.put(name, value);
            }
        }
    }
}
