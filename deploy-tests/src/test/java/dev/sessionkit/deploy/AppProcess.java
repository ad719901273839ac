package dev.sessionkit.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One build of the test app running in a JVM of its own, on a free loopback port. */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final URI base;

    private AppProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static AppProcess start(Builds.Result build, String name, Map<String, String> properties) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dmicronaut.server.host=127.0.0.1",
                "-Dmicronaut.server.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(
                List.of("-cp", build.classes() + java.io.File.pathSeparator + Builds.CLASSPATH, "example.Application"));
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AppProcess app = new AppProcess(process, URI.create("http://127.0.0.1:" + port));
        app.awaitReady(log);
        return app;
    }

    URI base() {
        return base;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped; see " + log.toAbsolutePath());
            }
            try {
                client.send(
                        HttpRequest.newBuilder(base.resolve("/state")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the app did not answer within 60 s; see " + log.toAbsolutePath());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
