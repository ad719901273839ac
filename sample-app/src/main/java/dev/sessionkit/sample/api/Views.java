package dev.sessionkit.sample.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sessionkit.sample.shop.CartItem;
import dev.sessionkit.sample.shop.ShopSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The JSON shapes the API answers with. */
public final class Views {

    private Views() {}

    /**
     * The signed-in user as the API shows them.
     *
     * @param id their id
     * @param email their email
     * @param name their display name
     */
    @Serdeable
    public record UserView(
            String id, @Nullable String email, @Nullable String name) {
        static @Nullable UserView of(ShopSession session) {
            return session.userId() == null ? null : new UserView(session.userId(), session.email(), session.name());
        }
    }

    /**
     * The session's public facts.
     *
     * @param id the public id
     * @param expiresAt when it ends unless used
     */
    @Serdeable
    public record SessionView(String id, @Nullable Instant expiresAt) {}

    /**
     * What {@code /api/session} answers.
     *
     * @param user the signed-in user, if any
     * @param session the session
     */
    @Serdeable
    public record CurrentSession(@Nullable UserView user, SessionView session) {}

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
