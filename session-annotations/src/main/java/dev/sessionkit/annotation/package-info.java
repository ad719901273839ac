/** The annotations an application writes against: {@link dev.sessionkit.annotation.SessionSchema} and {@link dev.sessionkit.annotation.Config}. */
package dev.sessionkit.annotation;
