--liquibase formatted sql

--changeset arasul:130-backup-runs
--comment: every backup run, good or failed, so the owner sees the last good one and why one failed
CREATE TABLE backup_runs (
    id           UUID PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    trigger      TEXT NOT NULL,
    status       TEXT NOT NULL,
    progress     TEXT,
    name         TEXT,
    location     TEXT,
    size_bytes   BIGINT,
    reason       TEXT
);
CREATE INDEX backup_runs_started ON backup_runs (started_at DESC);
--rollback DROP TABLE backup_runs;
