--liquibase formatted sql

--changeset arasul:020-self-healing-events
--comment: every decision of the healing engine, with the rule that made it and a sentence for the owner
CREATE TABLE self_healing_events (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    event_type    VARCHAR(60)  NOT NULL,
    severity      VARCHAR(20)  NOT NULL,
    category      VARCHAR(1),
    service       VARCHAR(100),
    rule_name     VARCHAR(255),
    description   TEXT         NOT NULL,
    action_taken  VARCHAR(60),
    mode          VARCHAR(20)
);
CREATE INDEX self_healing_events_time_idx ON self_healing_events (occurred_at);
CREATE INDEX self_healing_events_type_idx ON self_healing_events (event_type, occurred_at);
ALTER TABLE self_healing_events SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
--rollback DROP TABLE self_healing_events;

--changeset arasul:020-service-failures
CREATE TABLE service_failures (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    service       VARCHAR(100) NOT NULL,
    failure_type  VARCHAR(60)  NOT NULL,
    container_id  VARCHAR(80),
    details       TEXT
);
CREATE INDEX service_failures_service_idx ON service_failures (service, occurred_at);
CREATE INDEX service_failures_time_idx ON service_failures (occurred_at);
--rollback DROP TABLE service_failures;

--changeset arasul:020-recovery-actions
CREATE TABLE recovery_actions (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    action_type   VARCHAR(60)  NOT NULL,
    service       VARCHAR(100),
    category      VARCHAR(1),
    rule_name     VARCHAR(255),
    reason        TEXT         NOT NULL,
    mode          VARCHAR(20)  NOT NULL,
    success       BOOLEAN,
    result        TEXT,
    duration_ms   BIGINT
);
CREATE INDEX recovery_actions_time_idx ON recovery_actions (occurred_at);
CREATE INDEX recovery_actions_service_idx ON recovery_actions (service, occurred_at);
--rollback DROP TABLE recovery_actions;

--changeset arasul:020-reboot-events
CREATE TABLE reboot_events (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    reason         TEXT         NOT NULL,
    rule_name      VARCHAR(255),
    state_before   JSONB,
    status         VARCHAR(30)  NOT NULL,
    validated_at   TIMESTAMPTZ,
    state_after    JSONB
);
CREATE INDEX reboot_events_time_idx ON reboot_events (occurred_at);
--rollback DROP TABLE reboot_events;
