package dev.sessionkit.session;

import dev.sessionkit.token.CookieReader;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session cookie's companions for one request ({@code <name>_flash}, {@code <name>_csrf}):
 * state kept by the browser so that anonymous visitors cost the store nothing. Reads see this
 * request's own writes first; {@link dev.sessionkit.http.SessionMiddleware} sends the writes.
 */
final class ClientCookies {

    private final List<String> incoming;
    private final String baseName;
    private @Nullable Map<String, String> outgoing;

    /**
     * @param incoming the {@code Cookie} headers the client sent
     * @param baseName the session cookie's name on this request
     */
    ClientCookies(List<String> incoming, String baseName) {
        this.incoming = incoming;
        this.baseName = baseName;
    }

    /** @return the value sent this request or, failing that, by the browser; null if none or duplicated */
    @Nullable
    String read(String suffix) {
        if (outgoing != null && outgoing.containsKey(suffix)) {
            return outgoing.get(suffix);
        }
        String value = CookieReader.find(incoming, baseName + suffix);
        return CookieReader.DUPLICATE.equals(value) ? null : value;
    }

    /** Sets (or, with null, clears) the cookie on the response. */
    void write(String suffix, @Nullable String value) {
        if (outgoing == null) {
            outgoing = new LinkedHashMap<>();
        }
        outgoing.put(suffix, value);
    }

    /** @return cookie name suffix to value (null clears), or null when nothing is to be sent */
    @Nullable
    Map<String, String> outgoing() {
        return outgoing;
    }
}
