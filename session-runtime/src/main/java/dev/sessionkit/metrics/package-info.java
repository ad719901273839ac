/** Micrometer meters for sessions and the session store, when micronaut-micrometer is present. */
package dev.sessionkit.metrics;
