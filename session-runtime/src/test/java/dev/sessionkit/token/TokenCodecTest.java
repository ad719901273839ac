package dev.sessionkit.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private static final byte[] NEW = "new-secret-new-secret-new-secret-new".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OLD = "old-secret-old-secret-old-secret-old".getBytes(StandardCharsets.UTF_8);

    private final TokenCodec codec = new TokenCodec(List.of(NEW));

    @Test
    void tokensAre256BitsOfBase64UrlAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = codec.newToken();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void aSignedValueVerifiesToItsToken() {
        String token = codec.newToken();
        String value = codec.sign(token);
        assertEquals(TokenCodec.VALUE_LENGTH, value.length());
        VerifiedToken verified = codec.verify(value);
        assertEquals(token, verified.token());
        assertFalse(verified.signedByOldSecret());
    }

    @Test
    void anotherSecretsSignatureIsRejected() {
        String value = new TokenCodec(List.of(OLD)).sign(codec.newToken());
        assertNull(codec.verify(value));
    }

    @Test
    void rotationVerifiesOldSignaturesAndAsksForResigning() {
        String token = codec.newToken();
        String oldValue = new TokenCodec(List.of(OLD)).sign(token);
        TokenCodec rotated = new TokenCodec(List.of(NEW, OLD));
        VerifiedToken verified = rotated.verify(oldValue);
        assertEquals(token, verified.token());
        assertTrue(verified.signedByOldSecret());
        assertEquals(codec.sign(token), rotated.sign(token), "the first secret signs");
    }

    @Test
    void theHandleIsAStableHashThatDiffersFromTheToken() {
        String token = codec.newToken();
        assertEquals(codec.publicId(token), new TokenCodec(List.of(OLD)).publicId(token), "independent of secrets");
        assertNotEquals(token, codec.publicId(token));
        assertTrue(codec.publicId(token).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void nonCanonicalSignatureEncodingsAreRejected() {
        String value = codec.sign(codec.newToken());
        char last = value.charAt(value.length() - 1);
        String sibling = value.substring(0, value.length() - 1) + (char) (last ^ 1);
        assertNull(codec.verify(sibling));
    }

    @Test
    void shapeChecksRejectEverythingButTheExactForm() {
        String value = codec.sign(codec.newToken());
        assertTrue(TokenCodec.isWellFormed(value));
        assertFalse(TokenCodec.isWellFormed(null));
        assertFalse(TokenCodec.isWellFormed(value.substring(1)));
        assertFalse(TokenCodec.isWellFormed(value.replace('.', '-')));
        assertFalse(TokenCodec.isWellFormed(value.substring(0, 10) + "+" + value.substring(11)));
        assertFalse(TokenCodec.isWellFormed(value.substring(0, 10) + "é" + value.substring(11)));
    }
}
