package dev.sessionkit.live;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a WebSocket handler parameter that SessionKit binds from the handshake: {@code Session},
 * a typed schema, {@code AuthContext}, {@code Principal} or {@link LiveSession}. Micronaut's
 * compiler check accepts only annotated parameters in {@code @OnOpen}, {@code @OnMessage} and
 * {@code @OnClose}; in a controller the annotation changes nothing.
 */
@Documented
@Bindable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface FromSession {}
