/**
 * How SessionKit fails: {@link dev.sessionkit.error.SessionKitException}, which carries its HTTP
 * status and a message safe to show, and the handlers that answer every failure as JSON to API
 * clients or as Micronaut's error page to browsers, never with an exception's text.
 */
package dev.sessionkit.error;
