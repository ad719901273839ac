-- SessionKit's sessions table for PostgreSQL. Apply it with Flyway (location
-- classpath:db/sessionkit/postgresql) or by hand before the first start; with
-- session.jdbc.initialize-schema: true the application applies it itself.
CREATE TABLE IF NOT EXISTS sessionkit_sessions (
    id                  VARCHAR(255) PRIMARY KEY,       -- namespace + SHA-256 of the token; never the token
    user_id             VARCHAR(255),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,          -- last touch
    idle_expires_at     TIMESTAMPTZ  NOT NULL,
    absolute_expires_at TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ  NOT NULL,          -- the earlier of the two, for reads and the sweeper
    ip                  VARCHAR(64),
    user_agent          TEXT,
    label               VARCHAR(255),
    version             BIGINT       NOT NULL DEFAULT 0, -- bumped by every write
    fields              JSONB        NOT NULL DEFAULT '{}'::jsonb -- field name -> its JSON, as a string
);
CREATE INDEX IF NOT EXISTS sessionkit_sessions_user_id ON sessionkit_sessions (user_id);
CREATE INDEX IF NOT EXISTS sessionkit_sessions_expires_at ON sessionkit_sessions (expires_at);
