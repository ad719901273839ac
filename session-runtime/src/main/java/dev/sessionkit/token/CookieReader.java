package dev.sessionkit.token;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Finds one cookie's value in raw {@code Cookie} headers without decoding the others. A name that
 * appears twice is ambiguous (a cookie-tossing attack, or two paths) and yields {@link #DUPLICATE}. A
 * value in double quotes, which RFC 6265 allows and Java's {@code CookieManager} sends, is unquoted.
 */
@Internal
public final class CookieReader {

    /** Returned when the cookie appears more than once. */
    public static final String DUPLICATE = "\0duplicate";

    private CookieReader() {}

    /**
     * @param headers every {@code Cookie} header of the request
     * @param name the cookie wanted
     * @return its value, null when absent, or {@link #DUPLICATE}
     */
    public static @Nullable String find(@NonNull List<String> headers, @NonNull String name) {
        String found = null;
        for (int h = 0; h < headers.size(); h++) {
            String header = headers.get(h);
            int i = 0;
            int length = header.length();
            while (i < length) {
                int end = header.indexOf(';', i);
                if (end < 0) {
                    end = length;
                }
                int start = skipSpaces(header, i, end);
                int eq = header.indexOf('=', start);
                if (eq > 0 && eq < end && nameMatches(header, start, eq, name)) {
                    if (found != null) {
                        return DUPLICATE;
                    }
                    int valueStart = skipSpaces(header, eq + 1, end);
                    int valueEnd = trimEnd(header, valueStart, end);
                    if (valueEnd - valueStart >= 2
                            && header.charAt(valueStart) == '"'
                            && header.charAt(valueEnd - 1) == '"') {
                        valueStart++;
                        valueEnd--;
                    }
                    found = header.substring(valueStart, valueEnd);
                }
                i = end + 1;
            }
        }
        return found;
    }

    private static boolean nameMatches(String header, int start, int eq, String name) {
        int nameEnd = trimEnd(header, start, eq);
        return nameEnd - start == name.length() && header.regionMatches(start, name, 0, name.length());
    }

    private static int skipSpaces(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
