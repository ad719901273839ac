package example;

import dev.sessionkit.app.SessionApp;

/** Starts the app; without MICRONAUT_ENVIRONMENTS it runs in dev, where a random secret is used. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        SessionApp.builder(Application.class, args).defaultEnvironments("dev").start();
    }
}
