package dev.sessionkit.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Wherever the fast path answers, it answers what micronaut-serde does. */
class JsonScalarsTest {

    private static final JsonMapper SERDE = ObjectMapper.getDefault();
    private static final List<Class<?>> TYPES =
            List.of(String.class, Integer.class, int.class, Long.class, long.class, Boolean.class, boolean.class);

    @Test
    void theCommonValuesTakeTheFastPath() {
        assertEquals("u-1", JsonScalars.read("\"u-1\"", String.class));
        assertEquals("", JsonScalars.read("\"\"", String.class));
        assertEquals("café ☕", JsonScalars.read("\"café ☕\"", String.class));
        assertEquals(7, JsonScalars.read("7", int.class));
        assertEquals(-42, JsonScalars.read("-42", Integer.class));
        assertEquals(123456789012345678L, JsonScalars.read("123456789012345678", Long.class));
        assertEquals(Boolean.TRUE, JsonScalars.read("true", boolean.class));
    }

    @Test
    void doubtfulValuesAreLeftToTheParser() {
        for (String json : List.of("\"a\\\"b\"", "\"\\u0041\"", "\"tab\\t\"", " \"x\"", "\"x", "x\"", "\"")) {
            assertSame(JsonScalars.NOT_SCALAR, JsonScalars.read(json, String.class), json);
        }
        for (String json : List.of("", "-", "007", "1.0", "1e3", " 1", "+1", "2147483648", "null", "\"1\"")) {
            assertSame(JsonScalars.NOT_SCALAR, JsonScalars.read(json, Integer.class), json);
        }
        assertSame(JsonScalars.NOT_SCALAR, JsonScalars.read("1234567890123456789", Long.class), "19 digits");
        assertSame(JsonScalars.NOT_SCALAR, JsonScalars.read("True", Boolean.class));
        assertSame(JsonScalars.NOT_SCALAR, JsonScalars.read("1", java.math.BigDecimal.class), "other types");
    }

    @Test
    void onEdgeCasesTheFastPathAgreesWithSerde() throws IOException {
        List<String> cases = new ArrayList<>(List.of(
                "\"u-1\"",
                "\"\"",
                "\"a b\"",
                "\"é\"",
                "\"\\\\\"",
                "\"😀\"",
                "0",
                "-0",
                "7",
                "-42",
                "2147483647",
                "-2147483648",
                "2147483648",
                "9223372036854775807",
                "-9223372036854775808",
                "123456789012345678",
                "-123456789012345678",
                "007",
                "1.5",
                "true",
                "false",
                "null",
                "[]",
                "{}"));
        for (String json : cases) {
            for (Class<?> type : TYPES) {
                assertAgrees(json, type);
            }
        }
    }

    @Test
    void onRandomInputsTheFastPathAgreesWithSerde() throws IOException {
        Random random = new Random(42);
        String alphabet = "ab-_ .0123456789\"\\é☕\t";
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            boolean quoted = random.nextBoolean();
            if (quoted) {
                b.append('"');
            }
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (quoted) {
                b.append('"');
            }
            for (Class<?> type : TYPES) {
                fast += assertAgrees(b.toString(), type) ? 1 : 0;
            }
        }
        assertTrue(fast > 0, "some inputs take the fast path");
    }

    /** @return whether the fast path answered */
    private static boolean assertAgrees(String json, Class<?> type) throws IOException {
        Object scalar = JsonScalars.read(json, type);
        if (scalar == JsonScalars.NOT_SCALAR) {
            return false;
        }
        assertEquals(SERDE.readValue(json, Argument.of(type)), scalar, json + " as " + type);
        return true;
    }
}
