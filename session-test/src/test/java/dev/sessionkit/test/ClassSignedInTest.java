package dev.sessionkit.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SignedIn} on a class signs every test in, already in set-up; a method's own wins. */
@MicronautTest
@SignedIn(value = "gus", roles = "admin")
class ClassSignedInTest {

    @Inject
    @Client("/")
    HttpClient client;

    private String seenInSetUp;

    @BeforeEach
    void setUp() {
        seenInSetUp = client.toBlocking().retrieve("/whoami");
    }

    @Test
    void theClassUserIsSignedIn() {
        assertEquals("gus [admin]", seenInSetUp);
        assertEquals("gus [admin]", client.toBlocking().retrieve("/whoami"));
    }

    @Test
    @SignedIn(value = "hal", roles = "support")
    void aMethodsOwnUserWins() {
        assertEquals("hal [support]", client.toBlocking().retrieve("/whoami"));
    }
}
