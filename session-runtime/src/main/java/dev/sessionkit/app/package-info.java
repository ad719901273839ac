/** The application builder: {@link dev.sessionkit.app.SessionApp}. */
package dev.sessionkit.app;
