package dev.sessionkit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks classes SessionKit's processor wrote, so coverage tools (JaCoCo skips classes annotated
 * with a class-retained annotation named *Generated*) leave them out. Micronaut's own
 * {@code @Generated} cannot serve: Micronaut skips classes carrying it, and the generated
 * accessors must become beans.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SessionKitGenerated {}
