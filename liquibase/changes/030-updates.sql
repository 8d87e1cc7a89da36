--liquibase formatted sql

--changeset arasul:030-update-packages
--comment: every package that reached the box, accepted or not; one row per distinct file (by SHA-256)
CREATE TABLE update_packages (
    id             UUID         PRIMARY KEY,
    sha256         CHAR(64)     NOT NULL UNIQUE,
    version        VARCHAR(60),
    min_version    VARCHAR(60),
    key_id         CHAR(64),
    source         VARCHAR(20)  NOT NULL,
    file_name      VARCHAR(255),
    size_bytes     BIGINT       NOT NULL,
    manifest       JSONB,
    status         VARCHAR(30)  NOT NULL,
    step           VARCHAR(30),
    reason         TEXT,
    received_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ
);
CREATE INDEX update_packages_status_idx ON update_packages (status);
--rollback DROP TABLE update_packages;

--changeset arasul:030-update-events
CREATE TABLE update_events (
    id            BIGSERIAL PRIMARY KEY,
    package_id    UUID         REFERENCES update_packages (id) ON DELETE CASCADE,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    step          VARCHAR(30)  NOT NULL,
    status        VARCHAR(30)  NOT NULL,
    message       TEXT         NOT NULL
);
CREATE INDEX update_events_package_idx ON update_events (package_id, occurred_at);
--rollback DROP TABLE update_events;
