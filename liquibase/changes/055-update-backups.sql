--liquibase formatted sql

--changeset arasul:055-update-backups
--comment: what an update saved before it changed anything, so that a rollback (also one after a restart) can put it back
CREATE TABLE update_backups (
    package_id     UUID         PRIMARY KEY REFERENCES update_packages (id) ON DELETE CASCADE,
    services       JSONB        NOT NULL,
    liquibase_tag  VARCHAR(100),
    rules_copy     TEXT,
    db_dump        TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
--rollback DROP TABLE update_backups;
