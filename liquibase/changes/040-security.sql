--liquibase formatted sql

--changeset arasul:040-admin-users
CREATE TABLE admin_users (
    id                   BIGSERIAL PRIMARY KEY,
    username             VARCHAR(60)  NOT NULL UNIQUE,
    password_hash        VARCHAR(100) NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    failed_attempts      INTEGER      NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ
);
--rollback DROP TABLE admin_users;

--changeset arasul:040-sessions
--comment: one row per issued token (jti); the token itself is never stored
CREATE TABLE sessions (
    jti           VARCHAR(64)  PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    issued_at     TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    client_ip     VARCHAR(64),
    user_agent    VARCHAR(255),
    last_seen_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);
--rollback DROP TABLE sessions;

--changeset arasul:040-token-revocations
CREATE TABLE token_revocations (
    jti          VARCHAR(64)  PRIMARY KEY,
    revoked_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX token_revocations_expiry_idx ON token_revocations (expires_at);
--rollback DROP TABLE token_revocations;

--changeset arasul:040-password-history
CREATE TABLE password_history (
    id             BIGSERIAL PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    password_hash  VARCHAR(100) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (user_id, created_at);
--rollback DROP TABLE password_history;

--changeset arasul:040-login-attempts
CREATE TABLE login_attempts (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(60),
    client_ip     VARCHAR(64),
    attempted_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    success       BOOLEAN      NOT NULL
);
CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at);
--rollback DROP TABLE login_attempts;
