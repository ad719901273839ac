/** The user side: {@link dev.sessionkit.user.AuthContext}, the user bridge, access annotations and multi-session management. */
package dev.sessionkit.user;
