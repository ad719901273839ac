package dev.sessionkit.http;

import dev.sessionkit.config.SessionSetupException;
import dev.sessionkit.user.RequiresRoles;
import dev.sessionkit.user.RequiresUser;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Internal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Guards fail closed: at startup, every route carrying {@link RequiresUser} or {@link
 * RequiresRoles} must have a registered middleware that enforces it, or the application does not
 * start. Without this check, a forgotten {@code user-bridge} would serve guarded routes to anyone.
 */
@Internal
@Context
final class RouteGuards {

    private static final List<Class<? extends Annotation>> GUARDS = List.of(RequiresUser.class, RequiresRoles.class);

    RouteGuards(BeanContext context, @Nullable MiddlewareChain chain) {
        for (BeanDefinition<?> controller : context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
            for (ExecutableMethod<?, ?> method : controller.getExecutableMethods()) {
                for (Class<? extends Annotation> guard : GUARDS) {
                    if (guarded(controller, method, guard) && (chain == null || !chain.enforces(guard))) {
                        throw unenforced(controller, method, guard);
                    }
                }
            }
        }
    }

    private static boolean guarded(BeanDefinition<?> controller, ExecutableMethod<?, ?> method, Class<?> guard) {
        return method.hasStereotype(HttpMethodMapping.class)
                && (method.hasAnnotation(guard.getName()) || controller.hasAnnotation(guard.getName()));
    }

    private static ConfigurationException unenforced(
            BeanDefinition<?> controller, ExecutableMethod<?, ?> method, Class<?> guard) {
        AnnotationMetadata route = method.getAnnotationMetadata();
        String path = controller.stringValue(Controller.class).orElse("")
                + route.stringValue(HttpMethodMapping.class).orElse("");
        return new SessionSetupException(
                "Route " + path + " (" + controller.getBeanType().getSimpleName() + "."
                        + method.getMethodName() + ") is guarded by @" + guard.getSimpleName()
                        + ", but no middleware in session.middlewares enforces it, so it would be served to anyone;"
                        + " register user-bridge after session (SessionApp.builder(...).middleware(SessionMiddleware.class)"
                        + ".middleware(UserBridge.class), or session.middlewares: [session, user-bridge])");
    }
}
