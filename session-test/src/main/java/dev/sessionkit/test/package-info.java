/**
 * SessionKit for an application's own tests: {@link dev.sessionkit.test.SignedIn} runs a
 * {@code @MicronautTest} signed in as a user with roles, {@link dev.sessionkit.test.SessionTestKit}
 * hands out tokens and seeds typed session data, and {@link dev.sessionkit.test.FakeSession} lets a
 * unit test give a generated accessor a session without a server.
 */
package dev.sessionkit.test;
