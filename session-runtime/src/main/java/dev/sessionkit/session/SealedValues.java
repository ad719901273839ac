package dev.sessionkit.session;

import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;

/**
 * Values the browser keeps for us, signed so they come back unchanged: {@code payload.mac}. The
 * payload must not contain a dot; base64url and the token alphabet do not.
 */
@Internal
public final class SealedValues {

    private SealedValues() {}

    /**
     * @param codec signs under the current secret
     * @param purpose keeps seals of different purposes apart
     * @param payload what to seal
     * @return {@code payload.mac}
     */
    public static @NonNull String seal(@NonNull TokenCodec codec, @NonNull String purpose, @NonNull String payload) {
        return payload + '.' + codec.mac(purpose, payload);
    }

    /**
     * @param codec verifies under every configured secret
     * @param purpose the purpose it was sealed for
     * @param sealed what the browser sent, possibly null or garbage
     * @return the payload, or null unless the seal is genuine
     */
    public static @Nullable String open(@NonNull TokenCodec codec, @NonNull String purpose, @Nullable String sealed) {
        int dot = sealed == null ? -1 : sealed.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String payload = sealed.substring(0, dot);
        return codec.verifyMac(purpose, payload, sealed.substring(dot + 1)) ? payload : null;
    }
}
