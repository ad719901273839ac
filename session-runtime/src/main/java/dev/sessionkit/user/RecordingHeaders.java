package dev.sessionkit.user;

import dev.sessionkit.token.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpHeaders;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The request headers as a {@link TokenVerifier} sees them, noting which ones it reads: its result
 * depends on those, so the user bridge reuses it only for requests where they are the same. A
 * verifier that lists every header depends on all of them, and its result is not reused.
 */
final class RecordingHeaders implements HttpHeaders {

    private final HttpHeaders headers;
    private final Set<String> read = new TreeSet<>();
    private volatile boolean readAll;

    RecordingHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    /**
     * @param headers another request's headers
     * @param names header names, as {@link #readNames()} gave them
     * @return a digest of those headers' values in that request
     */
    static String digest(HttpHeaders headers, Set<String> names) {
        StringBuilder values = new StringBuilder();
        for (String name : names) {
            values.append(name).append('\n');
            for (String value : headers.getAll(name)) {
                values.append(value.length()).append(':').append(value);
            }
            values.append('\n');
        }
        return Sha256.of(values.toString());
    }

    /**
     * @param names header names, as {@link #readNames()} gave them
     * @return a digest of those headers' values in this request, read without being noted again
     */
    String digest(Set<String> names) {
        return digest(headers, names);
    }

    /** @return the names read so far, in lower case, or null when the verifier listed all of them */
    @Nullable
    Set<String> readNames() {
        synchronized (read) {
            return readAll ? null : Set.copyOf(read);
        }
    }

    private void note(CharSequence name) {
        synchronized (read) {
            read.add(name.toString().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public List<String> getAll(CharSequence name) {
        note(name);
        return headers.getAll(name);
    }

    @Override
    public @Nullable String get(CharSequence name) {
        note(name);
        return headers.get(name);
    }

    @Override
    public <T> Optional<T> get(CharSequence name, ArgumentConversionContext<T> conversionContext) {
        note(name);
        return headers.get(name, conversionContext);
    }

    @Override
    public Set<String> names() {
        readAll = true;
        return headers.names();
    }

    @Override
    public Collection<List<String>> values() {
        readAll = true;
        return headers.values();
    }
}
