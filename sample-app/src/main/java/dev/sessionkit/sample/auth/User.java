package dev.sessionkit.sample.auth;

import java.time.Instant;

/**
 * A registered shopper.
 *
 * @param id a stable id
 * @param email their sign-in email, lower case
 * @param name their display name
 * @param passwordHash their bcrypt hash; the password itself is never kept
 * @param role {@code customer}, or {@code admin} for staff
 * @param createdAt when they signed up
 * @param updatedAt when their account last changed
 */
public record User(
        String id, String email, String name, String passwordHash, String role, Instant createdAt, Instant updatedAt) {

    /** The role of every shopper. */
    public static final String CUSTOMER = "customer";

    /** The role of the shop's staff, who may see every session. */
    public static final String ADMIN = "admin";

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", name=" + name + ", role=" + role + ", passwordHash=***]";
    }
}
