package dev.sessionkit.http;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Locale;

/** Web origins in one comparable form: {@code scheme://host[:port]}, lower case, default ports left out. */
final class Origins {

    private Origins() {}

    /**
     * @param origin an {@code Origin} header or a configured origin
     * @return its canonical form, or null for anything but an http or https origin (including {@code null})
     */
    static @Nullable String canonical(@Nullable String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            String path = uri.getRawPath();
            if (uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || (path != null && !path.isEmpty() && !path.equals("/"))) {
                return null;
            }
            return of(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? null : Integer.toString(uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * @param scheme http or https
     * @param host a host, possibly with {@code :port} (a {@code Host} header)
     * @param port the port, when the host does not carry it
     * @return the canonical origin, or null when a part is missing or not http(s)
     */
    static @Nullable String of(@Nullable String scheme, @Nullable String host, @Nullable String port) {
        if (scheme == null || host == null || host.isEmpty()) {
            return null;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
        if (defaultPort < 0) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) { // a port in the host, not a colon of an IPv6 literal
            port = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.isEmpty()) {
            return null;
        }
        if (port != null && !port.isEmpty()) {
            try {
                int number = Integer.parseInt(port.trim());
                if (number < 1 || number > 65535) {
                    return null;
                }
                if (number != defaultPort) {
                    return s + "://" + name + ":" + number;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return s + "://" + name;
    }
}
