/** The untyped session API and the engine that loads and commits it per request. */
package dev.sessionkit.session;
