--liquibase formatted sql

--changeset arasul:010-metrics
--comment: one aggregated row per metric and 30-second bucket; a metric that could not be read has no row
CREATE TABLE metrics (
    metric        VARCHAR(100)     NOT NULL,
    bucket_start  TIMESTAMPTZ      NOT NULL,
    avg_value     DOUBLE PRECISION NOT NULL,
    min_value     DOUBLE PRECISION NOT NULL,
    max_value     DOUBLE PRECISION NOT NULL,
    samples       INTEGER          NOT NULL,
    CONSTRAINT metrics_pk PRIMARY KEY (metric, bucket_start)
);
CREATE INDEX metrics_bucket_idx ON metrics (bucket_start);
-- the highest-write table: vacuum and analyse it well before the default 20 % of dead rows
ALTER TABLE metrics SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01);
--rollback DROP TABLE metrics;

--changeset arasul:010-workflow-activity
CREATE TABLE workflow_activity (
    id             BIGSERIAL PRIMARY KEY,
    workflow_name  VARCHAR(255) NOT NULL,
    status         VARCHAR(40)  NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    duration_ms    BIGINT,
    error          TEXT
);
CREATE INDEX workflow_activity_time_idx ON workflow_activity (occurred_at);
--rollback DROP TABLE workflow_activity;
