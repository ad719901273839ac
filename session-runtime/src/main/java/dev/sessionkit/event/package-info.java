/** Session lifecycle events, published through Micronaut's {@code ApplicationEventPublisher}. */
package dev.sessionkit.event;
