package dev.sessionkit.bench;

import dev.sessionkit.token.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The per-request cost of the token codec: verifying the cookie and hashing it to a store key. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenCodecBenchmark {

    private TokenCodec codec;
    private String value;
    private String token;

    /** Signs one token to verify. */
    @Setup
    public void setUp() {
        codec = new TokenCodec(List.of("benchmark-secret-benchmark-secret-0123".getBytes(StandardCharsets.UTF_8)));
        token = codec.newToken();
        value = codec.sign(token);
    }

    /** @return the verified token: every request with a cookie pays this */
    @Benchmark
    public Object verify() {
        return codec.verify(value);
    }

    /** @return the store key's hash: every request with a cookie pays this too */
    @Benchmark
    public String id() {
        return codec.publicId(token);
    }

    /** @return a new signed token: paid at sign-in */
    @Benchmark
    public String mintAndSign() {
        return codec.sign(codec.newToken());
    }
}
