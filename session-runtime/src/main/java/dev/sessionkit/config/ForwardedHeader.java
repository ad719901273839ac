package dev.sessionkit.config;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses RFC 7239 {@code Forwarded} field lines into their elements, in order, quoted strings included. */
final class ForwardedHeader {

    private ForwardedHeader() {}

    /**
     * @param lines every line of the header, in the order received (RFC 9110 joins them with commas)
     * @return the {@code for} node of each element, without quotes, brackets or port; null for an element without one
     */
    static List<String> forNodes(List<String> lines) {
        List<String> nodes = new ArrayList<>();
        for (List<String[]> element : elements(lines)) {
            String node = parameter(element, "for");
            nodes.add(node == null ? "" : address(node));
        }
        return nodes;
    }

    /**
     * @param lines every line of the header
     * @param name a parameter such as {@code proto} or {@code host}
     * @return its value in the first element (the one the client-facing proxy wrote), or null
     */
    static @Nullable String first(List<String> lines, String name) {
        List<List<String[]>> elements = elements(lines);
        return elements.isEmpty() ? null : parameter(elements.get(0), name);
    }

    private static @Nullable String parameter(List<String[]> element, String name) {
        for (String[] pair : element) {
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    /** {@code "[2001:db8::1]:4711"} is {@code 2001:db8::1}, {@code 192.0.2.1:80} is {@code 192.0.2.1}. */
    private static String address(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end < 0 ? "" : node.substring(1, end);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** Splits at commas and semicolons outside quoted strings; each pair is a lower-case name and an unquoted value. */
    private static List<List<String[]>> elements(List<String> lines) {
        List<List<String[]>> elements = new ArrayList<>();
        List<String[]> element = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        String joined = String.join(",", lines);
        for (int i = 0; i <= joined.length(); i++) {
            char c = i == joined.length() ? ',' : joined.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < joined.length()) {
                    token.append(joined.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    token.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';' || c == ',') {
                pair(token.toString(), element);
                token.setLength(0);
                if (c == ',') {
                    elements.add(element);
                    element = new ArrayList<>();
                }
            } else {
                token.append(c);
            }
        }
        return elements;
    }

    private static void pair(String text, List<String[]> element) {
        int equals = text.indexOf('=');
        if (equals > 0) {
            element.add(new String[] {
                text.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                text.substring(equals + 1).trim()
            });
        }
    }
}
