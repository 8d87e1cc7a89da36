--liquibase formatted sql

--changeset arasul:120-api-keys
--comment: keys for integrations (n8n, scripts); only a SHA-256 of the key is kept, never the key
CREATE TABLE api_keys (
    id            BIGSERIAL    PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,
    key_hash      BYTEA        NOT NULL,
    scopes        VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
--rollback DROP TABLE api_keys;

--changeset arasul:120-ai-settings
--comment: settings of the AI services the owner changes at run time (the default language model)
CREATE TABLE ai_settings (
    name        VARCHAR(60)  PRIMARY KEY,
    value       VARCHAR(255) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
--rollback DROP TABLE ai_settings;
