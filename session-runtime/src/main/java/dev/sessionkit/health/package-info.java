/** The session store's part in Micronaut's {@code /health}. */
package dev.sessionkit.health;
