package dev.sessionkit.test;

import dev.sessionkit.user.AuthContext;
import dev.sessionkit.user.SessionUserResolver;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users a test gave roles to, answered before the application's own {@link
 * SessionUserResolver}; every other user goes to the application's resolver (or, when it has none,
 * gets the plain context SessionKit builds without one). Only tests ever see this resolver: it
 * ships in the test kit, which applications add in test scope.
 */
@Primary
@Singleton
public final class TestUsers implements SessionUserResolver {

    private final Map<String, AuthContext> users = new ConcurrentHashMap<>();
    private final BeanContext context;
    private volatile @Nullable SessionUserResolver application;
    private volatile boolean looked;

    TestUsers(BeanContext context) {
        this.context = context;
    }

    /**
     * Gives a user roles until {@link #forget(String)}.
     *
     * @param userId the user
     * @param roles the roles
     */
    public void register(@NonNull String userId, @NonNull Set<String> roles) {
        users.put(userId, new AuthContext(userId, userId, roles, Set.of(), Map.of(), "session"));
    }

    /** @param userId a user given roles by {@link #register}, now left to the application */
    public void forget(@NonNull String userId) {
        users.remove(userId);
    }

    @Override
    public @NonNull CompletionStage<@Nullable AuthContext> resolve(
            @NonNull String userId, @NonNull HttpRequest<?> request) {
        AuthContext registered = users.get(userId);
        if (registered != null) {
            return CompletableFuture.completedFuture(registered);
        }
        SessionUserResolver own = application();
        return own == null
                ? CompletableFuture.completedFuture(AuthContext.of(userId, "session"))
                : own.resolve(userId, request);
    }

    /** @return the application's own resolver, found once; null when it has none */
    private @Nullable SessionUserResolver application() {
        if (!looked) {
            for (BeanDefinition<SessionUserResolver> definition :
                    context.getBeanDefinitions(SessionUserResolver.class)) {
                if (!TestUsers.class.equals(definition.getBeanType())) {
                    application = context.getBean(definition);
                    break;
                }
            }
            looked = true;
        }
        return application;
    }
}
