/** The in-memory store, SessionKit's embedded default. */
package dev.sessionkit.store.memory;
