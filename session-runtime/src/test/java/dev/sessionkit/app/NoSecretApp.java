package dev.sessionkit.app;

/** An application started outside dev and test without a secret, as a user's first run is. */
public final class NoSecretApp {

    private NoSecretApp() {}

    public static void main(String[] args) {
        SessionApp.builder(NoSecretApp.class, args)
                .property("micronaut.server.port", -1)
                .property("micronaut.server.host", "127.0.0.1")
                .start();
    }
}
