-- When the user signed in, and the application's own facts given at sign-in (JSON, at most
-- 1024 characters). Apply after V1, with Flyway or by hand; with
-- session.jdbc.initialize-schema: true the application applies it itself.
ALTER TABLE sessionkit_sessions ADD COLUMN IF NOT EXISTS signed_in_at TIMESTAMPTZ;
ALTER TABLE sessionkit_sessions ADD COLUMN IF NOT EXISTS sign_in_meta TEXT;
