package example;

import io.micronaut.runtime.Micronaut;

/** One build of a small app; the rolling-deploy test runs two of them side by side. */
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
