/** Sign-up, sign-in and sign-out for the sample shop. */
package dev.sessionkit.sample.auth;
