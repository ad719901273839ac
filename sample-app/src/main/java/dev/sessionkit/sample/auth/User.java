package dev.sessionkit.sample.auth;

/**
 * A registered shopper.
 *
 * @param id a stable id
 * @param email their sign-in email, lower case
 * @param name their display name
 * @param passwordHash their bcrypt hash; the password itself is never kept
 */
public record User(String id, String email, String name, String passwordHash) {

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", name=" + name + ", passwordHash=***]";
    }
}
