package dev.sessionkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.testing.Postgres;
import dev.sessionkit.testing.RedisServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rolling deploy: two builds of one app, whose schema changed between them (a String that
 * became an enum, a record that gained a component, a renamed field, a removed field), run side
 * by side on one store, and one client's requests alternate between them at random. No request
 * fails; every field both builds read keeps the last value written to it; a field one build
 * cannot read is its default there and stays in the store until a build that reads it changes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollingDeployTest {

    private static final int OPERATIONS = 1200;
    private static final String SECRET = "rolling-deploy-test-secret-0123456789abcdef";
    private static final Set<String> LEVELS = Set.of("BRONZE", "SILVER", "GOLD");

    private Builds.Result v1;
    private Builds.Result v2;

    @BeforeAll
    void buildBothVersions() throws Exception {
        Path shapes = Path.of("target", "builds", "shapes-" + System.nanoTime());
        v1 = Builds.compile("v1", shapes);
        assertTrue(v1.succeeded(), v1.diagnostics());

        Builds.Result refused = Builds.compile("v2", shapes);
        assertFalse(refused.succeeded(), "the compatibility check stops the second build");
        assertTrue(
                refused.diagnostics()
                        .contains("[SessionSchemaIncompatible] stored field 'level' was string and is now"
                                + " enum(BRONZE,SILVER,GOLD)"),
                refused.diagnostics());
        assertFalse(refused.diagnostics().contains("'coupon'"), "coupon is declared unread");
        assertFalse(refused.diagnostics().contains("'tags'"), "tags is a former name of labels");

        v2 = Builds.compile("v2", shapes, "-Asessionkit.schemas.update=true");
        assertTrue(v2.succeeded(), v2.diagnostics());
    }

    @Test
    void onRedis() throws Exception {
        Map<String, String> properties = new HashMap<>(RedisServers.storeProperties("rolling"));
        deploy("redis", properties);
    }

    @Test
    void onPostgres() throws Exception {
        String table = Postgres.freshTable();
        Map<String, String> properties = new HashMap<>(Postgres.datasource());
        properties.put("session.store", "jdbc");
        properties.put("session.jdbc.table", table);
        properties.put("session.jdbc.initialize-schema", "true");
        try {
            deploy("postgres", properties);
        } finally {
            Postgres.drop(table);
        }
    }

    private void deploy(String store, Map<String, String> properties) throws Exception {
        properties.put("session.secret", SECRET);
        try (AppProcess old = AppProcess.start(v1, "v1-" + store, properties);
                AppProcess current = AppProcess.start(v2, "v2-" + store, properties)) {
            new Run(old.base(), current.base(), new Random(42)).go();
        }
    }

    /** One client alternating between the builds, checking each answer against a model of the store. */
    private static final class Run {
        private final URI[] bases;
        private final Random random;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Stored stored = new Stored();
        private String cookie;

        Run(URI v1, URI v2, Random random) {
            this.bases = new URI[] {v1, v2};
            this.random = random;
        }

        void go() throws Exception {
            send(0, "POST", "/visits/1");
            stored.visits = 1;
            for (int i = 0; i < OPERATIONS; i++) {
                int version = random.nextInt(2);
                String path = operation(version);
                String answer = send(version, path == null ? "GET" : "POST", path == null ? "/state" : path);
                assertEquals(stored.view(version), answer, "v" + (version + 1) + " after " + path);
            }
        }

        /** Picks a write, applies it to the model as the build would, and returns its path; null for a read. */
        private String operation(int version) {
            switch (random.nextInt(7)) {
                case 0 -> {
                    int n = random.nextInt(5);
                    stored.visits = n;
                    return "/visits/" + n;
                }
                case 1 -> {
                    List<String> choices = version == 0
                            ? List.of("BRONZE", "SILVER", "GOLD", "platinum", "gold")
                            : List.of("BRONZE", "SILVER", "GOLD");
                    String level = choices.get(random.nextInt(choices.size()));
                    if (!level.equals(stored.level(version))) {
                        stored.level = level;
                    }
                    return "/level/" + level;
                }
                case 2 -> {
                    if (stored.cart.size() > 6) {
                        stored.cart = new ArrayList<>();
                        return "/cart/clear";
                    }
                    String sku = "s" + random.nextInt(100);
                    int qty = 1 + random.nextInt(3);
                    List<String[]> cart = new ArrayList<>();
                    for (String[] item : stored.cart) {
                        cart.add(new String[] {item[0], item[1], version == 0 ? null : item[2]});
                    }
                    cart.add(new String[] {sku, Integer.toString(qty), version == 0 ? null : "n-" + sku});
                    stored.cart = cart;
                    return "/cart/" + sku + "/" + qty;
                }
                case 3 -> {
                    List<String> pool = List.of("a", "b", "c");
                    List<String> tags = random.nextInt(4) == 0
                            ? List.of()
                            : List.of(pool.get(random.nextInt(3)), pool.get(random.nextInt(3)));
                    if (!tags.equals(stored.tags(version))) {
                        if (version == 0) {
                            stored.tags = tags;
                        } else {
                            stored.labels = tags;
                            stored.tags = null;
                        }
                    }
                    return "/tags/" + (tags.isEmpty() ? "-" : String.join(",", tags));
                }
                case 4 -> {
                    if (version == 1) {
                        return null;
                    }
                    String coupon = "c" + random.nextInt(3);
                    stored.coupon = coupon;
                    return "/coupon/" + coupon;
                }
                default -> {
                    return null;
                }
            }
        }

        private String send(int version, String method, String path) throws Exception {
            URI base = bases[version];
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Origin", base.toString());
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    200, response.statusCode(), method + " " + path + " on v" + (version + 1) + ": " + response.body());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("session=") && !c.startsWith("session=;"))
                    .findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return response.body();
        }
    }

    /** What the store holds, and what each build reads of it. */
    private static final class Stored {
        int visits;
        String level;
        List<String[]> cart = new ArrayList<>();
        List<String> tags;
        List<String> labels;
        String coupon;

        String level(int version) {
            return version == 0 || level == null || LEVELS.contains(level) ? level : null;
        }

        List<String> tags(int version) {
            List<String> read = version == 0 ? tags : tags != null ? tags : labels;
            return read == null ? List.of() : read;
        }

        String view(int version) {
            String items = cart.stream()
                    .map(i -> version == 0 ? i[0] + ":" + i[1] : i[0] + ":" + i[1] + ":" + i[2])
                    .collect(Collectors.joining(","));
            return visits + "|" + level(version) + "|" + items + "|" + String.join(",", tags(version)) + "|"
                    + (version == 0 ? coupon : "-");
        }
    }
}
