package dev.sessionkit.http;

import dev.sessionkit.config.SessionTransport;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which token transports a controller or route accepts, overriding {@code session.transports}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SessionTransports {

    /** @return the accepted transports */
    SessionTransport[] value();
}
