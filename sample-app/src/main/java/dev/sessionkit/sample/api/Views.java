package dev.sessionkit.sample.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sessionkit.sample.auth.User;
import dev.sessionkit.sample.shop.CartItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes the API answers with. */
public final class Views {

    private Views() {}

    /**
     * The signed-in user as the API shows them, in better-auth's shape plus the role.
     *
     * @param id their id
     * @param email their email
     * @param name their display name
     * @param role {@code customer} or {@code admin}
     * @param createdAt when they signed up
     * @param updatedAt when their account last changed
     */
    @Serdeable
    public record UserView(String id, String email, String name, String role, Instant createdAt, Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.role(), user.createdAt(), user.updatedAt());
        }
    }

    /**
     * The session's public facts.
     *
     * @param id the public id
     * @param userId the signed-in user's id
     * @param createdAt when it was created
     * @param expiresAt when it ends unless used
     */
    @Serdeable
    public record SessionView(
            String id,
            String userId,
            @Nullable Instant createdAt,
            @Nullable Instant expiresAt) {}

    /**
     * What {@code /api/session} answers when someone is signed in (better-auth's {@code
     * getSession}); a guest, cart or not, gets {@code data: null}.
     *
     * @param user the signed-in user
     * @param session the session
     */
    @Serdeable
    public record CurrentSession(UserView user, SessionView session) {}

    /**
     * What sign-in answers.
     *
     * @param user the signed-in user
     * @param token the bearer token, when the client asked for one instead of a cookie
     */
    @Serdeable
    public record SignedIn(UserView user, @Nullable String token) {}

    /**
     * A cart with its total.
     *
     * @param items the lines
     * @param totalCents the sum of quantity times price
     */
    @Serdeable
    public record Cart(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<CartItem> items, long totalCents) {
        static Cart of(List<CartItem> items) {
            return new Cart(items, dev.sessionkit.sample.shop.Carts.totalCents(items));
        }
    }
}
