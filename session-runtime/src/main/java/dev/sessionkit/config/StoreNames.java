package dev.sessionkit.config;

import dev.sessionkit.store.KvAdaptor;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Says what to do about a {@code session.store} that names no store: the names there are, or what to add. */
final class StoreNames {

    /** The stores SessionKit ships, and what each needs on the classpath and in the configuration. */
    private static final Map<String, String> NEEDS = Map.of(
            "redis",
            "add io.micronaut.redis:micronaut-redis-lettuce and set redis.uri (or redis.uris for a cluster)",
            "jdbc",
            "add io.micronaut.sql:micronaut-jdbc-hikari and a JDBC driver (org.postgresql:postgresql), and"
                    + " configure datasources.default");

    private StoreNames() {}

    /** @return the names of the stores on the classpath */
    static Set<String> available(BeanContext context) {
        Set<String> names = new TreeSet<>();
        for (BeanDefinition<KvAdaptor> store : context.getBeanDefinitions(KvAdaptor.class)) {
            store.stringValue(Named.class).ifPresent(names::add);
        }
        return names;
    }

    /**
     * @param name what {@code session.store} says
     * @param available the stores there are
     * @return the message: what is wrong, and the fix
     */
    static String unknown(String name, Set<String> available) {
        String needs = NEEDS.get(name.toLowerCase(Locale.ROOT));
        if (needs != null && !available.contains(name)) {
            return "session.store is '" + name + "', but its adaptor is not on the classpath: " + needs;
        }
        String closest = closest(name, available);
        return "session.store is '" + name + "', which names no store; the stores here are " + available
                + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + ", and the redis and jdbc stores come with their client libraries";
    }

    /** The available name within two edits of {@code name}, if any. */
    private static String closest(String name, Set<String> available) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : available) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
