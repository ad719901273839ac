/** The HTTP side: the session middleware, cookie writing, argument binding and error answers. */
package dev.sessionkit.http;
