package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the request acts for, put on the request by the user bridge; controllers take it as an
 * argument (401 when absent, unless {@code @Nullable}).
 *
 * @param subject the user's id
 * @param name a display name, if known
 * @param roles coarse permissions, checked by {@link RequiresRoles}
 * @param scopes fine-grained grants, for the application's own checks
 * @param claims further facts about the user: any value micronaut-serde can write (strings,
 *     numbers, booleans, lists, maps, {@code @Serdeable} types)
 * @param type where it came from: {@code session}, or the token verifier's own word
 */
@Serdeable
public record AuthContext(
        @NonNull String subject,
        @Nullable String name,
        @NonNull Set<String> roles,
        @NonNull Set<String> scopes,
        @NonNull Map<String, Object> claims,
        @NonNull String type) {

    /** The request attribute holding it. */
    public static final String ATTRIBUTE = "dev.sessionkit.auth";

    /** Copies the collections, so a context can be cached and shared. */
    public AuthContext {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }

    /**
     * A context with just a subject: what the bridge builds for a signed-in session when the
     * application supplies no {@link SessionUserResolver}.
     *
     * @param subject the user's id
     * @param type where it came from
     * @return the context
     */
    public static @NonNull AuthContext of(@NonNull String subject, @NonNull String type) {
        return new AuthContext(subject, null, Set.of(), Set.of(), Map.of(), type);
    }

    /**
     * @param name a claim's name
     * @param type the type it is expected to have
     * @param <T> that type
     * @return the claim, when present and of that type
     */
    public <T> @NonNull Optional<T> claim(@NonNull String name, @NonNull Class<T> type) {
        Object value = claims.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /**
     * @param role a role
     * @return whether the user has it
     */
    public boolean hasRole(@NonNull String role) {
        return roles.contains(role);
    }
}
