package dev.sessionkit.http;

import dev.sessionkit.error.SessionSetupException;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server filter of SessionKit: runs the middlewares named in {@code session.middlewares}
 * (set by {@link dev.sessionkit.app.SessionApp} or in yml), requests in that order and
 * responses in reverse. A middleware that is not named does not run, except {@code csrf}, which
 * joins right after {@code session} unless {@code session.csrf.enabled: false}. The order is
 * checked at startup against each middleware's {@link Middleware#runsAfter()}. {@code
 * session.enabled: false} turns SessionKit's request handling off altogether.
 */
@Internal
@Context // resolved at startup, so a misnamed middleware stops the application at once
@Requires(property = "session.enabled", notEquals = "false")
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class MiddlewareChain implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(MiddlewareChain.class);
    private static final String CSRF = "csrf";
    private static final String SESSION = "session";

    private final Middleware[] middlewares;
    private final Set<Class<? extends Annotation>> enforced = new HashSet<>();

    MiddlewareChain(BeanContext context, MiddlewareProperties properties, CsrfProperties csrf) {
        List<BeanDefinition<Middleware>> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String configured : properties.middlewares()) {
            BeanDefinition<Middleware> definition = resolve(context, configured.trim());
            definitions.add(definition);
            names.add(canonicalName(definition));
        }
        addOrDropCsrf(context, csrf, definitions, names);
        List<Middleware> resolved = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            Middleware middleware = context.getBean(definitions.get(i));
            checkOrder(names.get(i), middleware, names);
            enforced.addAll(middleware.enforces());
            resolved.add(middleware);
        }
        this.middlewares = resolved.toArray(Middleware[]::new);
    }

    /**
     * @param guard a route annotation
     * @return whether a registered middleware enforces it
     */
    public boolean enforces(Class<? extends Annotation> guard) {
        return enforced.contains(guard);
    }

    /** Adds {@code csrf} right after {@code session} unless it is listed or turned off. */
    private static void addOrDropCsrf(
            BeanContext context,
            CsrfProperties csrf,
            List<BeanDefinition<Middleware>> definitions,
            List<String> names) {
        int listed = names.indexOf(CSRF);
        if (!csrf.enabled()) {
            if (listed >= 0) {
                definitions.remove(listed);
                names.remove(listed);
            }
            LOG.warn("CSRF checks are OFF (session.csrf.enabled: false): cookie-authenticated writes from other"
                    + " sites are accepted");
        } else if (listed < 0) {
            int at = names.indexOf(SESSION) + 1;
            definitions.add(at, resolve(context, CSRF));
            names.add(at, CSRF);
        }
    }

    private static void checkOrder(String name, Middleware middleware, List<String> names) {
        for (String before : middleware.runsAfter()) {
            int at = names.indexOf(before);
            if (at < 0 || at > names.indexOf(name)) {
                throw new SessionSetupException(
                        "session.middlewares is " + names + ", but " + name
                                + " must run after " + before + ", or it sees nothing; register " + before + " first"
                                + " (SessionApp.builder(...).middleware(SessionMiddleware.class).middleware(UserBridge.class))");
            }
        }
    }

    /** The name other middlewares use for it: its {@code @Named} value, else its class name. */
    private static String canonicalName(BeanDefinition<Middleware> definition) {
        return definition
                .stringValue(Named.class)
                .orElse(definition.getBeanType().getName());
    }

    /**
     * @param request the request
     * @param route the matched route, if any
     * @return null to go on at once, else the same request once every middleware has run. Never
     *     a stage completing with null: Micronaut 4.10 answers that with an empty 503.
     */
    @RequestFilter
    @Nullable
    public CompletionStage<@Nullable HttpRequest<?>> before(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        AnnotationMetadata annotations =
                route == null ? AnnotationMetadata.EMPTY_METADATA : route.getAnnotationMetadata();
        return requestFrom(0, request, annotations);
    }

    /**
     * @param request the request
     * @param response the response
     * @return null when every middleware finished at once, else the response once they have
     */
    @ResponseFilter
    @Nullable
    public CompletionStage<@Nullable MutableHttpResponse<?>> after(
            HttpRequest<?> request, MutableHttpResponse<?> response) {
        return responseFrom(middlewares.length - 1, request, response);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }

    private @Nullable CompletionStage<@Nullable HttpRequest<?>> requestFrom(
            int first, HttpRequest<?> request, AnnotationMetadata route) {
        for (int i = first; i < middlewares.length; i++) {
            CompletionStage<?> stage = middlewares[i].onRequest(request, route);
            if (stage != null && !finishedOk(stage)) {
                int next = i + 1;
                return stage.thenCompose(ignored -> {
                    CompletionStage<HttpRequest<?>> rest = requestFrom(next, request, route);
                    return rest == null ? CompletableFuture.completedFuture(request) : rest;
                });
            }
        }
        return null;
    }

    private @Nullable CompletionStage<@Nullable MutableHttpResponse<?>> responseFrom(
            int last, HttpRequest<?> request, MutableHttpResponse<?> response) {
        for (int i = last; i >= 0; i--) {
            CompletionStage<?> stage = middlewares[i].onResponse(request, response);
            if (stage != null && !finishedOk(stage)) {
                int next = i - 1;
                return stage.thenCompose(ignored -> {
                    CompletionStage<MutableHttpResponse<?>> rest = responseFrom(next, request, response);
                    return rest == null ? CompletableFuture.completedFuture(response) : rest;
                });
            }
        }
        return null;
    }

    /** A stage already done without error needs no waiting: the common, allocation-free path. */
    private static boolean finishedOk(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private static BeanDefinition<Middleware> resolve(BeanContext context, String name) {
        List<String> known = new ArrayList<>();
        for (BeanDefinition<Middleware> definition : context.getBeanDefinitions(Middleware.class)) {
            String named = definition.stringValue(Named.class).orElse(null);
            Class<?> type = definition.getBeanType();
            if (name.equals(named) || name.equals(type.getName()) || name.equals(type.getSimpleName())) {
                return definition;
            }
            known.add(named != null ? named : type.getName());
        }
        throw new SessionSetupException("session.middlewares names '" + name + "', which is no Middleware bean; known: "
                + String.join(", ", known));
    }
}
