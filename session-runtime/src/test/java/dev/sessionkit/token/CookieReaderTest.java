package dev.sessionkit.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CookieReaderTest {

    @Test
    void findsTheNamedCookieAmongOthers() {
        assertEquals("v", CookieReader.find(List.of("a=1; session=v; b=2"), "session"));
        assertEquals("v", CookieReader.find(List.of("session=v"), "session"));
        assertEquals("v", CookieReader.find(List.of("  session = v ;x=y"), "session"));
        assertEquals("", CookieReader.find(List.of("session="), "session"));
    }

    @Test
    void aValueOfOnlyWhitespaceIsEmptyNotACrash() { // found by TokenFuzzTest
        assertEquals("", CookieReader.find(List.of("session= "), "session"));
        assertEquals("", CookieReader.find(List.of("a=1; session=\t \t; b=2"), "session"));
    }

    @Test
    void aQuotedValueIsUnquotedAsRfc6265Allows() {
        // Java's own java.net.CookieManager sends a cookie set with Max-Age in this form.
        assertEquals("v.s", CookieReader.find(List.of("$Version=\"1\"; session=\"v.s\"; $Path=\"/\""), "session"));
        assertEquals("\"", CookieReader.find(List.of("session=\""), "session"));
        assertEquals("", CookieReader.find(List.of("session=\"\""), "session"));
    }

    @Test
    void ignoresCookiesWhoseNameOnlyContainsTheWanted() {
        assertNull(CookieReader.find(List.of("xsession=v; session_x=w; Session=z"), "session"));
        assertNull(CookieReader.find(List.of("a=session=v"), "session"));
        assertNull(CookieReader.find(List.of(""), "session"));
        assertNull(CookieReader.find(List.of(";;;"), "session"));
    }

    @Test
    void aRepeatedCookieIsAmbiguous() {
        assertEquals(CookieReader.DUPLICATE, CookieReader.find(List.of("session=a; session=b"), "session"));
        assertEquals(CookieReader.DUPLICATE, CookieReader.find(List.of("session=a", "session=a"), "session"));
    }
}
