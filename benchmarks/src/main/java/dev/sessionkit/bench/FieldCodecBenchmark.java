package dev.sessionkit.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The generated field codec: decoding a typed session from its fields, and encoding it back. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldCodecBenchmark {

    private ApplicationContext context;
    private BenchSessions sessions;
    private MapSession session;
    private BenchSessionData value;

    /** A context for micronaut-serde, and a session holding one value. */
    @Setup(Level.Trial)
    public void setUp() {
        context = ApplicationContext.run();
        sessions = new BenchSessions(null);
        session = new MapSession(context.getBean(JsonMapper.class));
        value = BenchSessionData.builder().userId("u-1").visits(41).build();
        sessions.write(session, value);
    }

    /** Closes the context. */
    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    /** @return the typed session decoded from its fields: what a typed read costs */
    @Benchmark
    public BenchSessionData read() {
        return sessions.read(session);
    }

    /** @return the session after re-encoding every field: what set() costs */
    @Benchmark
    public MapSession write() {
        sessions.write(session, value.withVisits(value.visits() + 1));
        return session;
    }
}
