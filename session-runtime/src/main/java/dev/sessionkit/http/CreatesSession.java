package dev.sessionkit.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a safe request (GET, HEAD) to this route create an anonymous session, which SessionKit
 * otherwise refuses with a 400 so that anonymous traffic cannot fill the store. For a page that
 * must start one, such as a shared link that opens a prepared cart. Remembering where to return
 * after sign-in needs no session: use {@code returnTo(path)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface CreatesSession {}
