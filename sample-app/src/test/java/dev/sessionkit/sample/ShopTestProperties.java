package dev.sessionkit.sample;

import java.util.Map;
import java.util.stream.Collectors;

/** Test set-up shared by the shop's tests. */
public final class ShopTestProperties {

    private ShopTestProperties() {}

    /** @return the middlewares Application.main registers, in its order, as a property */
    public static Map<String, String> asInMain() {
        return Map.of(
                "session.middlewares",
                Application.MIDDLEWARES.stream().map(Class::getName).collect(Collectors.joining(",")));
    }
}
