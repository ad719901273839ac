package dev.sessionkit.config;

import dev.sessionkit.error.SessionSetupException;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request paths the session middleware leaves alone (static assets, health checks): exact
 * paths, or prefixes written {@code /assets/**}. Matching is a set look-up plus one
 * {@code startsWith} per prefix, cheap enough for every request.
 */
@Internal
public final class PathExclusions {

    private static final PathExclusions NONE = new PathExclusions(Set.of(), new String[0]);

    private final Set<String> exact;
    private final String[] prefixes;

    private PathExclusions(Set<String> exact, String[] prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /**
     * Parses the configured patterns.
     *
     * @param patterns exact paths or {@code /prefix/**}
     * @return the matcher
     * @throws ConfigurationException for a pattern with any other wildcard
     */
    public static @NonNull PathExclusions of(@NonNull List<String> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String pattern : patterns) {
            String p = pattern.trim();
            if (!p.startsWith("/")) {
                throw new SessionSetupException("session.exclude-paths entry '" + pattern + "' must start with '/'");
            }
            if (p.endsWith("/**")) {
                String prefix = p.substring(0, p.length() - 2);
                exact.add(prefix.substring(0, prefix.length() - 1));
                prefixes.add(prefix);
                p = prefix;
            } else {
                exact.add(p);
            }
            if (p.indexOf('*') >= 0) {
                throw new SessionSetupException(
                        "session.exclude-paths entry '" + pattern + "' may use a wildcard only as a trailing '/**'");
            }
        }
        return new PathExclusions(Set.copyOf(exact), prefixes.toArray(String[]::new));
    }

    /**
     * @param path the request path, without query
     * @return whether the middleware should skip it
     */
    public boolean matches(@NonNull String path) {
        if (prefixes.length == 0 && exact.isEmpty()) {
            return false;
        }
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
