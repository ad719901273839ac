package dev.sessionkit.session;

import io.micronaut.core.annotation.Nullable;

/**
 * Reads the JSON of the commonest session values (plain strings, whole numbers, booleans)
 * without a parser. A typed accessor reads every field on every request, and a JSON parser per
 * field was a measurable share of an in-memory read. Whatever is not plainly one of these
 * (escapes, whitespace, leading zeros, out-of-range numbers, {@code null}) goes to
 * micronaut-serde, which therefore decides every doubtful case.
 */
final class JsonScalars {

    /** Returned when the value is for micronaut-serde to read. */
    static final Object NOT_SCALAR = new Object();

    /** Longer numbers might overflow a long while being read; the parser takes those. */
    private static final int MAX_DIGITS = 18;

    private JsonScalars() {}

    /**
     * @param json one stored value
     * @param type the type asked for
     * @return the value, or {@link #NOT_SCALAR}
     */
    static Object read(String json, Class<?> type) {
        if (type == String.class) {
            return string(json);
        }
        if (type == Integer.class || type == int.class) {
            Long value = wholeNumber(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? NOT_SCALAR : Integer.valueOf(value.intValue());
        }
        if (type == Long.class || type == long.class) {
            Long value = wholeNumber(json, Long.MIN_VALUE, Long.MAX_VALUE);
            return value == null ? NOT_SCALAR : value;
        }
        if (type == Boolean.class || type == boolean.class) {
            return json.equals("true") ? Boolean.TRUE : json.equals("false") ? Boolean.FALSE : NOT_SCALAR;
        }
        return NOT_SCALAR;
    }

    private static Object string(String json) {
        int last = json.length() - 1;
        if (last < 1 || json.charAt(0) != '"' || json.charAt(last) != '"') {
            return NOT_SCALAR;
        }
        for (int i = 1; i < last; i++) {
            char c = json.charAt(i);
            if (c == '\\' || c == '"' || c < 0x20) {
                return NOT_SCALAR;
            }
        }
        return json.substring(1, last);
    }

    private static @Nullable Long wholeNumber(String json, long min, long max) {
        int length = json.length();
        boolean negative = length > 0 && json.charAt(0) == '-';
        int first = negative ? 1 : 0;
        int digits = length - first;
        if (digits == 0 || digits > MAX_DIGITS || (json.charAt(first) == '0' && digits > 1)) {
            return null;
        }
        long value = 0;
        for (int i = first; i < length; i++) {
            char c = json.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        value = negative ? -value : value;
        return value < min || value > max ? null : value;
    }
}
