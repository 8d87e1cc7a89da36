--liquibase formatted sql

--changeset arasul:110-service-interventions
--comment: what a person did to a service (stopped it, removed its container), kept across restarts of the appliance so that its next start does not take a stopped service for a failed one
CREATE TABLE service_interventions (
    service       VARCHAR(100) PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL CHECK (kind IN ('stopped', 'removed')),
    container_id  VARCHAR(80),
    since         TIMESTAMPTZ  NOT NULL
);
--rollback DROP TABLE service_interventions;

--changeset arasul:110-healing-maintenance
--comment: the maintenance the owner announced, at most one, kept across restarts of the appliance until it ends
CREATE TABLE healing_maintenance (
    id      SMALLINT     PRIMARY KEY CHECK (id = 1),
    reason  TEXT         NOT NULL,
    since   TIMESTAMPTZ  NOT NULL,
    until   TIMESTAMPTZ  NOT NULL
);
--rollback DROP TABLE healing_maintenance;
