package dev.sessionkit.app;

/** An application that falls back to {@code dev} when no environment is given, as the sample shop does. */
public final class DefaultEnvironmentApp {

    private DefaultEnvironmentApp() {}

    public static void main(String[] args) {
        SessionApp.builder(DefaultEnvironmentApp.class, args)
                .defaultEnvironments("dev")
                .property("micronaut.server.port", -1)
                .property("micronaut.server.host", "127.0.0.1")
                .start()
                .close();
    }
}
