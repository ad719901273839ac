/** The compile-time generator for {@code @SessionSchema} interfaces. */
package dev.sessionkit.processor;
