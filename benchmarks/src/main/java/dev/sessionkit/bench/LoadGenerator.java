package dev.sessionkit.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator over keep-alive sockets to loopback: each connection
 * sends a request, reads the whole answer, and sends the next. Bounded by time and by a request
 * count, so a run always stops by itself.
 */
final class LoadGenerator {

    /**
     * What a run measured.
     *
     * @param requests answered requests
     * @param errors answers that were not 2xx
     * @param seconds how long the run took
     * @param p50Micros median latency
     * @param p99Micros 99th percentile latency
     */
    record Result(long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private LoadGenerator() {}

    /**
     * @param cookies the Cookie headers of the sessions: connection i takes turns with those at i,
     *     i + connections, i + 2 × connections and so on (with fewer than connections, {@code i %
     *     size}), or an empty list for requests without one
     */
    static Result run(
            int port,
            String method,
            String path,
            List<String> cookies,
            int connections,
            double seconds,
            long maxRequests)
            throws InterruptedException {
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Worker[] workers = new Worker[connections];
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            List<byte[]> messages = new java.util.ArrayList<>();
            for (int c = i; c < cookies.size(); c += connections) {
                messages.add(HttpConnection.request(method, path, cookies.get(c)));
            }
            if (messages.isEmpty()) {
                String cookie = cookies.isEmpty() ? null : cookies.get(i % cookies.size());
                messages.add(HttpConnection.request(method, path, cookie));
            }
            workers[i] = new Worker(
                    port,
                    messages.toArray(byte[][]::new),
                    deadline,
                    budget,
                    (int) Math.min(maxRequests, 2_000_000) / connections + 1);
            workers[i].start();
        }
        long requests = 0;
        long errors = 0;
        int samples = 0;
        for (Worker w : workers) {
            w.join();
            if (w.failure != null) {
                throw new IllegalStateException("load generator connection failed", w.failure);
            }
            requests += w.requests;
            errors += w.errors;
            samples += w.recorded;
        }
        double took = (System.nanoTime() - start) / 1e9;
        long[] all = new long[samples];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.recorded);
            at += w.recorded;
        }
        Arrays.sort(all);
        return new Result(requests, errors, took, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static long percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (q * sortedNanos.length))] / 1000;
    }

    /** One keep-alive connection. */
    private static final class Worker extends Thread {
        private final int port;
        private final byte[][] messages;
        private final long deadline;
        private final AtomicLong budget;
        private final long[] latencies;
        private int recorded;
        private long requests;
        private long errors;
        private Exception failure;

        Worker(int port, byte[][] messages, long deadline, AtomicLong budget, int maxSamples) {
            super("load-" + port);
            setDaemon(true);
            this.port = port;
            this.messages = messages;
            this.deadline = deadline;
            this.budget = budget;
            this.latencies = new long[maxSamples];
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(port)) {
                while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                    long sent = System.nanoTime();
                    int status = connection
                            .exchange(messages[(int) (requests % messages.length)])
                            .status();
                    long took = System.nanoTime() - sent;
                    if (recorded < latencies.length) {
                        latencies[recorded++] = took;
                    }
                    requests++;
                    if (status < 200 || status >= 300) {
                        errors++;
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
