package dev.sessionkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH micro benchmarks (token codec, generated field codec) and writes {@code jmh.txt}. */
public final class MicroBenchmarks {

    private MicroBenchmarks() {}

    /**
     * @param args optional output folder, default {@code results}
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "results");
        Files.createDirectories(out);
        Options options = new OptionsBuilder()
                .include(TokenCodecBenchmark.class.getSimpleName())
                .include(FieldCodecBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .output(out.resolve("jmh.txt").toString())
                .build();
        new Runner(options).run();
    }
}
