/** A reusable JUnit 5 kit that checks an application's session security over real HTTP. */
package dev.sessionkit.conformance;
