/** Live sessions: WebSockets that know their session and close the moment it ends. */
package dev.sessionkit.live;
