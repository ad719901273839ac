package dev.sessionkit.token;

import io.micronaut.core.annotation.Internal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The library's one SHA-256: a session's public id, the bridge's cache key for a bearer token and
 * the audit log's salted user hash all come from here, base64url without padding.
 */
@Internal
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] NO_SALT = new byte[0];

    private Sha256() {}

    /**
     * @param value any text, taken as UTF-8
     * @return 43 base64url characters
     */
    public static String of(String value) {
        return of(NO_SALT, value);
    }

    /**
     * @param salt bytes hashed before the value
     * @param value any text, taken as UTF-8
     * @return 43 base64url characters
     */
    public static String of(byte[] salt, String value) {
        MessageDigest digest = DIGEST.get();
        digest.update(salt);
        return BASE64URL.encodeToString(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
