package dev.sessionkit.session;

import dev.sessionkit.token.TokenCodec;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where to send a visitor after they sign in, kept in a signed companion cookie for a few
 * minutes instead of in a session, so that the GET that asks them to sign in creates nothing.
 * Only a path on this site is kept: anything that a browser could read as another site's address
 * is refused, so the value can never make the sign-in an open redirect.
 */
final class ReturnAddress {

    static final String SUFFIX = "_return";
    static final long TTL_SECONDS = 600;
    static final int MAX_PATH_CHARS = 1024;

    private static final String PURPOSE = "return";

    private ReturnAddress() {}

    /**
     * @param path what the application wants to return to
     * @return the path, when it is one on this site
     * @throws ReturnAddressException otherwise, saying what a path must be
     */
    static String checked(String path) {
        boolean local = path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.length() <= MAX_PATH_CHARS;
        for (int i = 0; local && i < path.length(); i++) {
            char c = path.charAt(i);
            local = c > 0x20 && c != 0x7f && c != '\\';
        }
        if (!local) {
            throw new ReturnAddressException(MAX_PATH_CHARS);
        }
        return path;
    }

    /** @return the sealed cookie value that keeps {@code path} until {@link #TTL_SECONDS} from {@code nowMillis} */
    static String seal(TokenCodec codec, String path, long nowMillis) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
        long expires = nowMillis / 1000 + TTL_SECONDS;
        return SealedValues.seal(codec, PURPOSE, encoded + "~" + Long.toString(expires, 36));
    }

    /** @return the path a genuine, unexpired value keeps; empty for none, a forged or an expired one */
    static Optional<String> open(TokenCodec codec, @Nullable String sealed, long nowMillis) {
        String payload = SealedValues.open(codec, PURPOSE, sealed);
        int tilde = payload == null ? -1 : payload.indexOf('~');
        if (tilde <= 0) {
            return Optional.empty();
        }
        try {
            long expires = Long.parseLong(payload.substring(tilde + 1), 36);
            if (nowMillis / 1000 >= expires) {
                return Optional.empty();
            }
            byte[] path = Base64.getUrlDecoder().decode(payload.substring(0, tilde));
            return Optional.of(checked(new String(path, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | ReturnAddressException e) {
            return Optional.empty(); // signed by us, so only an older format could land here
        }
    }
}
