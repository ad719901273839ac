package dev.sessionkit.session;

import dev.sessionkit.store.SessionMeta;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import java.util.Optional;

/**
 * What a sign-in stores about the user and their device, each value within its bound: the user
 * id and label are refused past theirs (nobody is signed in), the User-Agent is cut.
 *
 * @param userId the user
 * @param label the app's name for the sign-in, or null
 * @param ip the client's address (through trusted proxies), or null
 * @param userAgent the client's User-Agent, cut to its bound, or null
 * @param meta the application's own facts about the sign-in, as JSON, or null
 */
record SignInData(
        String userId,
        @Nullable String label,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String meta) {

    static SignInData of(
            String userId, @Nullable String label, @Nullable Object facts, RequestFacts request, FieldJson json) {
        String meta = facts == null ? null : json.write("sign-in meta", Argument.ofInstance(facts), facts);
        return checked(userId, label, request.address(), request.userAgent(), meta);
    }

    /** @return the sign-in, its user id and label checked against their bounds and the agent cut to its own */
    static SignInData checked(
            String userId, @Nullable String label, @Nullable String ip, @Nullable String agent, @Nullable String meta) {
        requireLength("user id", userId, SessionMeta.MAX_USER_ID_CHARS);
        if (label != null) {
            requireLength("label", label, SessionMeta.MAX_LABEL_CHARS);
        }
        if (meta != null) {
            requireLength("sign-in metadata", meta, SessionMeta.MAX_SIGN_IN_META_CHARS);
        }
        if (agent != null && agent.length() > SessionMeta.MAX_USER_AGENT_CHARS) {
            agent = agent.substring(0, SessionMeta.MAX_USER_AGENT_CHARS);
        }
        return new SignInData(userId, label, ip, agent, meta);
    }

    /**
     * @param current the session's metadata, or null when there is none
     * @param keepData whether {@code session.keep-data-on-user-switch} is set
     * @return whether this sign-in replaces another user's session and drops its data
     */
    boolean switchesFrom(@Nullable SessionMeta current, boolean keepData) {
        return current != null && current.userId() != null && !current.userId().equals(userId) && !keepData;
    }

    /**
     * @param fieldBytes the size of the fields the session keeps
     * @param limit {@code session.max-payload-bytes}
     * @throws SessionPayloadTooLargeException when the fields and this data are over the limit
     */
    void checkFits(int fieldBytes, int limit) {
        int size = fieldBytes + bytes();
        if (size > limit) {
            throw SessionPayloadTooLargeException.signIn(size, limit);
        }
    }

    /** @return the application's facts stored at sign-in, decoded; empty for a guest or a sign-in without them */
    static <T> Optional<T> facts(FieldJson fieldJson, @Nullable SessionMeta meta, Class<T> type) {
        String json = meta == null ? null : meta.signInMeta();
        return json == null
                ? Optional.empty()
                : Optional.ofNullable(fieldJson.read("sign-in meta", json, Argument.of(type)));
    }

    /** @return the bytes this data takes, counted with the session's fields */
    int bytes() {
        return FieldBuffer.metaBytes(userId, ip, userAgent, label, meta);
    }

    /**
     * A sign-in is an authentication, so both lifetimes start again from it: a guest who shopped
     * for an hour before signing in still gets the whole absolute lifetime. The creation time stays.
     *
     * @param meta the session's metadata so far
     * @param fresh metadata of a session born now, for its lifetimes
     * @param idleMillis this sign-in's idle lifetime
     * @return {@code meta} with this sign-in recorded
     */
    SessionMeta applyTo(SessionMeta meta, SessionMeta fresh, long idleMillis) {
        return new SessionMeta(
                meta.createdAt(),
                fresh.touchedAt(),
                fresh.touchedAt() + idleMillis,
                fresh.absoluteExpiresAt(),
                userId,
                ip,
                userAgent,
                label,
                fresh.touchedAt(),
                this.meta);
    }

    private static void requireLength(String what, String value, int limit) {
        if (value.length() > limit) {
            throw SessionPayloadTooLargeException.signInValue(what, value.length(), limit);
        }
    }
}
