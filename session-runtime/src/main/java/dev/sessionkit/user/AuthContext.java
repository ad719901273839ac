package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Set;

/**
 * Who the request acts for, put on the request by the user bridge; controllers take it as an
 * argument (401 when absent, unless {@code @Nullable}).
 *
 * @param subject the user's id
 * @param name a display name, if known
 * @param roles coarse permissions, checked by {@link RequiresRoles}
 * @param scopes fine-grained grants, for the application's own checks
 * @param claims further facts about the user
 * @param type where it came from: {@code session}, or the token verifier's own word
 */
@Serdeable
public record AuthContext(
        @NonNull String subject,
        @Nullable String name,
        @NonNull Set<String> roles,
        @NonNull Set<String> scopes,
        @NonNull Map<String, String> claims,
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
     * @param role a role
     * @return whether the user has it
     */
    public boolean hasRole(@NonNull String role) {
        return roles.contains(role);
    }
}
