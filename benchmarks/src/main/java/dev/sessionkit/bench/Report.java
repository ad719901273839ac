package dev.sessionkit.bench;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Collects the rounds and writes the Markdown table and the chart, every figure a ratio to bare. */
final class Report {

    private record Sample(LoadGenerator.Result result, long cpuMicros, long redisCommands) {
        double cpuPerRequest() {
            return (double) cpuMicros / Math.max(1, result.requests());
        }
    }

    private final List<Scenario> scenarios;
    private final Sample[][] samples;
    private final long[][] nearCacheGets;
    private final List<String> notes = new ArrayList<>();

    Report(List<Scenario> scenarios, int rounds) {
        this.scenarios = scenarios;
        this.samples = new Sample[rounds][scenarios.size()];
        this.nearCacheGets = new long[scenarios.size()][2];
    }

    /** Adds the near cache's hits and misses during one measurement of a scenario. */
    void addNearCache(Scenario scenario, long hits, long misses) {
        long[] gets = nearCacheGets[scenarios.indexOf(scenario)];
        gets[0] += hits;
        gets[1] += misses;
    }

    /** A line for the list under the table, such as a figure measured apart from the rounds. */
    void note(String line) {
        notes.add("- " + line + "\n");
    }

    void add(int round, Scenario scenario, LoadGenerator.Result result, long cpuMicros, long redisCommands) {
        samples[round][scenarios.indexOf(scenario)] = new Sample(result, cpuMicros, redisCommands);
    }

    /** Throughput of scenario i divided by the bare app's in each round. */
    double[] throughputRatios(int i) {
        double[] ratios = new double[samples.length];
        for (int r = 0; r < samples.length; r++) {
            ratios[r] =
                    samples[r][i].result().perSecond() / samples[r][0].result().perSecond();
        }
        return ratios;
    }

    double[] cpuRatios(int i) {
        double[] ratios = new double[samples.length];
        for (int r = 0; r < samples.length; r++) {
            ratios[r] = samples[r][i].cpuPerRequest() / samples[r][0].cpuPerRequest();
        }
        return ratios;
    }

    void write(Path out, double seconds, int connections, @Nullable String redis, String placement) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(
                "| scenario | req/s | throughput × bare (min..max) | p50 µs | p99 µs | server CPU µs/req | CPU × bare | Redis cmds/req |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> names = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            double[] t = throughputRatios(i);
            double[] c = cpuRatios(i);
            Sample last = median(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2f (%.2f..%.2f) | %d | %d | %.1f | %.2f | %s |%n",
                    scenarios.get(i).name(),
                    last.result().perSecond(),
                    median(t),
                    min(t),
                    max(t),
                    last.result().p50Micros(),
                    last.result().p99Micros(),
                    last.cpuPerRequest(),
                    median(c),
                    scenarios.get(i).redis() ? String.format(Locale.ROOT, "%.2f", redisPerRequest(i)) : "–"));
            names.add(
                    scenarios.get(i).name().substring(0, scenarios.get(i).name().indexOf('.')));
            medians.add(median(t));
        }
        List<String> cpuinfo = cpuinfo();
        md.append('\n').append(targets());
        notes.forEach(md::append);
        md.append(String.format(
                Locale.ROOT,
                "%nMeasured %s on %s (%d cores, %s), Java %s%s; %d connections, %.1f s per scenario and round,"
                        + " %d rounds interleaved, medians shown with min..max over rounds. Redis commands count"
                        + " what the server executed, commands inside a script included.%s%s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE),
                cpuModel(cpuinfo),
                machineCpus(cpuinfo),
                System.getProperty("os.name"),
                System.getProperty("java.version"),
                redis == null ? "" : ", " + redis,
                connections,
                seconds,
                samples.length,
                indexOf("9.") < 0 && indexOf("10.") < 0
                        ? ""
                        : " They include the heartbeat PINGs of the two near-cache instances, both on the one"
                                + " Redis through the whole run. The near-cache instance runs with Micrometer on, to"
                                + " read its hit and miss meters, and so pays for SessionKit's store timer, which no"
                                + " other configuration does.",
                placement));
        Files.writeString(out.resolve("results.md"), md.toString());

        CategoryChart chart = new CategoryChartBuilder()
                .width(800)
                .height(450)
                .title("Throughput as a ratio to bare Micronaut (same run)")
                .xAxisTitle("scenario (see results.md)")
                .yAxisTitle("× bare")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("throughput × bare", names, medians);
        BitmapEncoder.saveBitmap(chart, out.resolve("throughput").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private String targets() {
        StringBuilder b = new StringBuilder("Targets (DESIGN.md, throughput × bare in the same run):\n\n");
        target(b, "request without cookie ≥ 0.95", "2.", 0.95);
        target(b, "in-memory read ≥ 0.85", "3.", 0.85);
        target(b, "Redis read ≥ 0.50", "4.", 0.50);
        int redisRead = indexOf("4.");
        if (redisRead >= 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "- Redis read with exactly 1 command: %.2f commands per request%n",
                    redisPerRequest(redisRead)));
        }
        target(b, "Redis read with the near cache ≥ 0.85", "9.", 0.85);
        int cached = indexOf("9.");
        if (cached >= 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "- Cached read: %.4f Redis commands per request, near-cache hit ratio %.4f%n",
                    redisPerRequest(cached),
                    hitRatio(cached)));
        }
        target(b, "Redis write one field ≥ 0.40", "5.", 0.40);
        target(b, "PostgreSQL read ≥ 0.45", "15.", 0.45);
        int postgres = indexOf("15.");
        if (postgres >= 0) {
            double cpu = median(cpuRatios(postgres));
            b.append(String.format(
                    Locale.ROOT,
                    "- PostgreSQL read's server CPU ≤ 2× bare: %.2f×, %s%n",
                    cpu,
                    cpu <= 2 ? "met" : "MISSED"));
        }
        int write = indexOf("10.");
        if (write >= 0) {
            b.append(String.format(
                    Locale.ROOT,
                    "- Write with the near cache: %.2f Redis commands per request (the write, and the PING"
                            + " it waits for so that other instances' invalidations are on their way)%n",
                    redisPerRequest(write)));
        }
        return b.toString();
    }

    /** A target is reported only when its scenario ran (not with {@code --only}, or without Redis). */
    private void target(StringBuilder b, String what, String scenario, double goal) {
        int i = indexOf(scenario);
        if (i < 0) {
            return;
        }
        double m = median(throughputRatios(i));
        // Three decimals when two would round a miss up to the target (0.498 is not 0.50).
        String shown = String.format(
                Locale.ROOT, m < goal && Math.round(m * 100) >= Math.round(goal * 100) ? "%.3f" : "%.2f", m);
        b.append(String.format(Locale.ROOT, "- %s: %s, %s%n", what, shown, m >= goal ? "met" : "MISSED"));
    }

    private int indexOf(String numberPrefix) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).name().startsWith(numberPrefix)) {
                return i;
            }
        }
        return -1;
    }

    private double hitRatio(int i) {
        long[] gets = nearCacheGets[i];
        return (double) gets[0] / Math.max(1, gets[0] + gets[1]);
    }

    private double redisPerRequest(int i) {
        long commands = 0;
        long requests = 0;
        for (Sample[] round : samples) {
            commands += round[i].redisCommands();
            requests += round[i].result().requests();
        }
        return (double) commands / Math.max(1, requests);
    }

    private Sample median(int i) {
        Sample[] all = new Sample[samples.length];
        for (int r = 0; r < samples.length; r++) {
            all[r] = samples[r][i];
        }
        Arrays.sort(
                all, (a, b) -> Double.compare(a.result().perSecond(), b.result().perSecond()));
        return all[all.length / 2];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** The machine's CPUs, not this JVM's: a run that pins the load reports the machine it ran on. */
    private static long machineCpus(List<String> cpuinfo) {
        long processors =
                cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        return processors > 0 ? processors : Runtime.getRuntime().availableProcessors();
    }

    private static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    /** @return the lines of {@code /proc/cpuinfo}, or none off Linux */
    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
