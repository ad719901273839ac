package dev.sessionkit.security;

import dev.sessionkit.user.AuthContext;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.security.authentication.Authentication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from SessionKit's {@link AuthContext} to micronaut-security's {@link
 * Authentication}: the subject is the name, the roles are the roles, and the claims are the
 * attributes, beside the display name, the scopes and where the user came from.
 */
public final class SessionAuthentications {

    /** The attribute holding {@link AuthContext#name()}, when known. */
    public static final String NAME = "name";
    /** The attribute holding {@link AuthContext#scopes()}. */
    public static final String SCOPES = "scopes";
    /** The attribute holding {@link AuthContext#type()}: {@code session}, or the token verifier's word. */
    public static final String TYPE = "sessionkit.type";

    private SessionAuthentications() {}

    /**
     * @param user the request's SessionKit user
     * @return the same user as micronaut-security sees it
     */
    public static @NonNull Authentication of(@NonNull AuthContext user) {
        Map<String, Object> attributes = new HashMap<>(user.claims());
        if (user.name() != null) {
            attributes.put(NAME, user.name());
        }
        attributes.put(SCOPES, List.copyOf(user.scopes()));
        attributes.put(TYPE, user.type());
        return Authentication.build(user.subject(), List.copyOf(user.roles()), attributes);
    }
}
