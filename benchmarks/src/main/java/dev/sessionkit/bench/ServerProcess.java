package dev.sessionkit.bench;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One benchmark application in a JVM of its own, on a free loopback port. */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    final String name;
    final int port;
    private final Process process;

    private ServerProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts one and waits until it answers; its output goes to {@code <logs>/<name>.log}.
     *
     * @param cpus the CPUs it may run on ({@code taskset -c}), or null for any
     */
    static ServerProcess start(
            String name, Map<String, String> properties, String jvmArgs, @Nullable String cpus, Path logs)
            throws IOException {
        Path log = logs.resolve(name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus)); // taskset execs the JVM: the same process
        }
        command.addAll(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC"));
        for (String arg : jvmArgs.trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                command.add(arg.replace("{name}", name));
            }
        }
        command.add("-Dmicronaut.server.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchApp.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(name, port, process);
        server.awaitReady();
        return server;
    }

    /**
     * Moves every thread of a running process onto the given CPUs; threads it starts later inherit
     * them.
     */
    static void pin(long pid, String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin process " + pid + ": " + output.trim());
        }
    }

    /** A loopback port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** @return the server JVM's process id */
    long pid() {
        return process.pid();
    }

    /** CPU time the server process has used so far. */
    Duration cpu() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report process CPU time"));
    }

    /** Signs in once and returns the Cookie header that carries the session. */
    String login(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() ->
                        new IllegalStateException(name + " " + path + " set no cookie: " + response.statusCode()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at startup; see its log");
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IllegalStateException(name + " did not answer /hello within 60 s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
