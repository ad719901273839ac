package dev.sessionkit.user;

import io.micronaut.core.annotation.NonNull;
import java.security.Principal;

/**
 * The signed-in user as a {@link Principal}, for code that asks Micronaut for one: {@code
 * HttpRequest.getUserPrincipal()} and a WebSocket's {@code getUserPrincipal()}. The user bridge
 * sets it unless something else, such as micronaut-security, set a principal first.
 *
 * @param subject the user's id, which {@link #getName()} returns
 */
public record UserPrincipal(@NonNull String subject) implements Principal {

    @Override
    public @NonNull String getName() {
        return subject;
    }
}
