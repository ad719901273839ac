package dev.sessionkit.sample;

import io.micronaut.runtime.Micronaut;

/** Starts the sample shop; without MICRONAUT_ENVIRONMENTS it runs in {@code dev} (memory store, ephemeral secret). */
public final class Application {

    private Application() {}

    /** @param args command-line arguments, passed to Micronaut */
    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .defaultEnvironments("dev")
                .start();
    }
}
