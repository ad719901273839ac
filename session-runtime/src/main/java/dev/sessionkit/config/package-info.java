/** Session configuration: {@link dev.sessionkit.config.SessionConfig}, its yml defaults and their validation. */
package dev.sessionkit.config;
