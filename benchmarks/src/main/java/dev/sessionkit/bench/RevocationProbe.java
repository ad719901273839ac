package dev.sessionkit.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How soon a sign-out on one instance is seen by another that holds the session in its near
 * cache: each trial signs in on A, reads twice on B (the second read from B's cache), signs out
 * on A, and from the moment A's answer is read asks B again until B refuses. Bounded in trials and
 * in the time any one trial may wait.
 */
final class RevocationProbe {

    /**
     * What the trials measured.
     *
     * @param trials trials run
     * @param stale trials whose first read on B after the sign-out still found the session
     * @param p50Micros median time from A's acknowledgement to B's refusal
     * @param p99Micros its 99th percentile
     * @param maxMicros its longest
     */
    record Result(int trials, int stale, long p50Micros, long p99Micros, long maxMicros) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "Revocation across instances with the near cache (A's sign-out acknowledged → B refuses),"
                            + " %d trials: median %d µs, p99 %d µs, longest %d µs; %d of them answered once more"
                            + " from the session before refusing",
                    trials,
                    p50Micros,
                    p99Micros,
                    maxMicros,
                    stale);
        }
    }

    private static final long TRIAL_LIMIT_NANOS = 2_000_000_000L;

    private RevocationProbe() {}

    static Result run(ServerProcess a, ServerProcess b, int trials) throws IOException {
        long[] micros = new long[trials];
        int stale = 0;
        try (HttpConnection onA = new HttpConnection(a.port);
                HttpConnection onB = new HttpConnection(b.port)) {
            for (int t = 0; t < trials; t++) {
                String cookie = onA.exchange("POST", "/sk/login", null).cookie();
                if (cookie == null) {
                    throw new IllegalStateException(a.name + " /sk/login set no cookie");
                }
                byte[] read = HttpConnection.request("GET", "/sk/read", cookie);
                for (int i = 0; i < 2; i++) {
                    expect(200, onB.exchange(read).status(), b.name + " read before the sign-out");
                }
                expect(200, onA.exchange("POST", "/sk/logout", cookie).status(), a.name + " sign-out");
                long acknowledged = System.nanoTime();
                int reads = 0;
                int status;
                do {
                    status = onB.exchange(read).status();
                    reads++;
                    if (System.nanoTime() - acknowledged > TRIAL_LIMIT_NANOS) {
                        throw new IllegalStateException(b.name + " still served a signed-out session after 2 s");
                    }
                } while (status == 200);
                expect(401, status, b.name + " read after the sign-out");
                micros[t] = (System.nanoTime() - acknowledged) / 1000;
                if (reads > 1) {
                    stale++;
                }
            }
        }
        Arrays.sort(micros);
        return new Result(
                trials,
                stale,
                micros[trials / 2],
                micros[Math.min(trials - 1, (int) (trials * 0.99))],
                micros[trials - 1]);
    }

    private static void expect(int expected, int actual, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
        }
    }
}
