package dev.sessionkit.sample.shop;

import dev.sessionkit.annotation.SessionSchema;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What the shop keeps per visitor: who signed in, their cart, and a visit counter. */
@SessionSchema
public interface ShopSession {

    /** @return the signed-in user's id, or null for a guest */
    @Nullable
    String userId();

    /** @return the signed-in user's display name */
    @Nullable
    String name();

    /** @return the signed-in user's email */
    @Nullable
    String email();

    /** @return the cart, kept for guests too */
    List<CartItem> cart();

    /** @return how many pages this session has seen */
    int visits();

    /** @return whether a user is signed in */
    default boolean signedIn() {
        return userId() != null;
    }
}
