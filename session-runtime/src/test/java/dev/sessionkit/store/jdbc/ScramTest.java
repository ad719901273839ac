package dev.sessionkit.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SCRAM-SHA-256 sign-in against RFC 7677's worked example, and the checks that refuse a wrong server. */
class ScramTest {

    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private final Scram scram = new Scram("user", "pencil", "rOprNGfwEbeRWgbNEkqO");

    @Test
    void theRfcExampleGivesTheRfcProofAndAcceptsTheRfcServer() {
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", scram.first());
        assertEquals(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                scram.answer(SERVER_FIRST));
        assertTrue(scram.verify("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    @Test
    void aServerThatDoesNotKnowThePasswordIsRefused() {
        scram.answer(SERVER_FIRST);
        assertFalse(scram.verify("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        assertFalse(scram.verify("e=invalid-proof"));
    }

    @Test
    void aChallengeThatDropsOurNonceIsRefused() {
        assertThrows(
                IllegalStateException.class, () -> scram.answer("r=someoneElses,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        assertFalse(
                new Scram("pencil").verify("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="), "no proof was sent yet");
    }

    @Test
    void theMd5AnswerIsPostgresqlsFormula() {
        // md5(md5("secret" + "alice") in hex + salt 01 02 03 04), computed with Python's hashlib.
        assertEquals("md598a0412b9c31436fc53776e863350083", Md5Password.of("alice", "secret", 0x01020304));
    }
}
