package dev.sessionkit.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes what a client controls before any store access: the Cookie header parser and the token
 * codec. Nothing may throw, and no input the fuzzer invents may pass as a signed token.
 */
class TokenFuzzTest {

    private static final TokenCodec CODEC =
            new TokenCodec(List.of("fuzz-secret-fuzz-secret-fuzz-secret!".getBytes(StandardCharsets.UTF_8)));
    private static final String GENUINE = CODEC.sign(CODEC.newToken());

    @FuzzTest(maxDuration = "10s")
    void clientInputNeverThrowsAndNeverForgesAToken(FuzzedDataProvider data) {
        String first = data.consumeString(300);
        String second = data.consumeString(300);
        boolean withGenuine = data.consumeBoolean();
        List<String> headers = withGenuine ? List.of(first, "session=" + GENUINE, second) : List.of(first, second);
        String value = CookieReader.find(headers, "session");
        VerifiedToken verified = CODEC.verify(value);
        if (verified != null) {
            // Only the genuine value can verify; anything else would be a forgery.
            assertEquals(GENUINE.substring(0, TokenCodec.PART_LENGTH), verified.token());
        }
        if (!withGenuine && value != null && !value.equals(GENUINE)) {
            assertNull(verified);
        }
    }
}
