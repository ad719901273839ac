package dev.sessionkit.app;

import dev.sessionkit.config.SessionConfig;
import dev.sessionkit.http.Middleware;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.runtime.Micronaut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Starts a Micronaut application with SessionKit set up in code: {@code
 * SessionApp.builder(Application.class, args).config(MyConfig.class).middleware(SessionMiddleware.class)
 * .middleware(UserBridge.class).start()}. Middlewares run in the order registered; one not
 * registered does not run. The same set-up in yml is {@code session.middlewares} and {@code
 * session.config}.
 */
public final class SessionApp {

    private SessionApp() {}

    /**
     * @param application the application's main class
     * @param args the command-line arguments
     * @return a builder
     */
    public static @NonNull Builder builder(@NonNull Class<?> application, @NonNull String... args) {
        return new Builder(application, args);
    }

    /** Collects the set-up, then hands it to Micronaut's launcher. */
    public static final class Builder {
        private final Class<?> application;
        private final String[] args;
        private final List<String> middlewares = new ArrayList<>();
        private final Map<String, Object> properties = new HashMap<>();
        private String[] defaultEnvironments = new String[0];

        private Builder(Class<?> application, String[] args) {
            this.application = application;
            this.args = args.clone();
        }

        /**
         * @param config the {@code @Config} class to use, when several exist
         * @return this builder
         */
        public @NonNull Builder config(@NonNull Class<? extends SessionConfig> config) {
            properties.put("session.config", config.getName());
            return this;
        }

        /**
         * Adds a middleware; they run in the order added.
         *
         * @param middleware a {@link Middleware} bean class, SessionKit's or the application's own
         * @return this builder
         */
        public @NonNull Builder middleware(@NonNull Class<? extends Middleware> middleware) {
            middlewares.add(middleware.getName());
            return this;
        }

        /**
         * @param name a configuration key
         * @param value its value
         * @return this builder
         */
        public @NonNull Builder property(@NonNull String name, @NonNull Object value) {
            properties.put(name, value);
            return this;
        }

        /**
         * @param environments the environments to use when none is set from outside
         * @return this builder
         */
        public @NonNull Builder defaultEnvironments(@NonNull String... environments) {
            this.defaultEnvironments = environments.clone();
            return this;
        }

        /** @return the Micronaut builder with SessionKit's set-up applied, for further settings */
        public @NonNull Micronaut micronaut() {
            Map<String, Object> all = new HashMap<>(properties);
            if (!middlewares.isEmpty()) {
                all.put("session.middlewares", List.copyOf(middlewares));
            }
            return new SetupFailures()
                    .args(args)
                    .mainClass(application)
                    .defaultEnvironments(defaultEnvironments)
                    .properties(all);
        }

        /** @return the running application */
        public @NonNull ApplicationContext start() {
            ApplicationContext context = micronaut().start();
            if (defaultEnvironments.length > 0 && !environmentGiven()) {
                LoggerFactory.getLogger(SessionApp.class)
                        .warn(
                                "No environment was given (MICRONAUT_ENVIRONMENTS or -Dmicronaut.environments), so this"
                                        + " runs as {}: a development set-up, with settings and a session secret meant"
                                        + " only for a laptop. For production set MICRONAUT_ENVIRONMENTS and"
                                        + " SESSION_SECRET",
                                List.of(defaultEnvironments));
            }
            return context;
        }

        private boolean environmentGiven() {
            if (System.getenv("MICRONAUT_ENVIRONMENTS") != null
                    || System.getProperty("micronaut.environments") != null) {
                return true;
            }
            for (String arg : args) {
                if (arg.startsWith("-micronaut.environments") || arg.startsWith("--micronaut.environments")) {
                    return true;
                }
            }
            return false;
        }
    }
}
