package dev.sessionkit.store;

/**
 * Marks a {@link KvAdaptor} that keeps each user's sessions findable: its {@link
 * KvAdaptor#listByUser}, {@link KvAdaptor#deleteByUser} and {@link KvAdaptor#deleteForUser} work.
 * The per-user cap ({@code session.max-sessions-per-user}) needs them, so startup refuses a store
 * without this mark unless the cap is 0; the memory, Redis and JDBC stores carry it.
 */
public interface UserIndexed {}
