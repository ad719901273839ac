package dev.sessionkit.sample.typed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes and reads the Prefs schema so a test can check every field survives the store. */
@Controller("/typed")
@Requires(property = "spec.name", value = "TypedSessionTest")
class PrefsController {

    static final UUID DEVICE = UUID.fromString("0f5b2c8e-2d0c-4f7e-9d7e-3f1f4a3c2b1a");
    static final Instant SINCE = Instant.parse("2026-01-02T03:04:05Z");

    private final Prefses prefs;

    PrefsController(Prefses prefs) {
        this.prefs = prefs;
    }

    @Post("/fill")
    String fill() {
        prefs.set(PrefsData.builder()
                .theme(Prefs.Theme.DARK)
                .since(SINCE)
                .device(DEVICE)
                .points(42L)
                .ratio(0.5)
                .tags(Set.of("a"))
                .counters(Map.of("x", 1))
                .address(AddressData.builder().city("Oslo").build())
                .billing(AddressData.builder().lines(List.of("1 Main St")).build())
                .apiToken("secret-token")
                .build());
        return prefs.require().toString();
    }

    @Get("/read")
    String read(Prefs session) {
        PrefsData copy = PrefsData.copyOf(session);
        return copy.equals(expected()) + " " + copy;
    }

    @Get("/optional")
    String optional(@Nullable Prefs session) {
        return session == null ? "none" : "some";
    }

    @Post("/bump")
    long bump() {
        prefs.update(p -> p.withPoints(p.points() + 1));
        return prefs.require().points();
    }

    static PrefsData expected() {
        return new PrefsData(
                Prefs.Theme.DARK,
                SINCE,
                DEVICE,
                42L,
                0.5,
                Set.of("a"),
                Map.of("x", 1),
                new AddressData("Oslo", List.of()),
                new AddressData(null, List.of("1 Main St")),
                "secret-token");
    }
}
