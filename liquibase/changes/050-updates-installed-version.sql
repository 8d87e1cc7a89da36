--liquibase formatted sql

--changeset arasul:050-installed-version
--comment: the platform version the box runs; one row, absent until the first update is committed
CREATE TABLE installed_version (
    id            SMALLINT     PRIMARY KEY CHECK (id = 1),
    version       VARCHAR(60)  NOT NULL,
    package_id    UUID         REFERENCES update_packages (id) ON DELETE SET NULL,
    installed_at  TIMESTAMPTZ  NOT NULL
);
--rollback DROP TABLE installed_version;
