--liquibase formatted sql

--changeset arasul:140-workflow-activity-executions
--comment: one row per n8n execution, whichever door reports it first (the poll of n8n's API or the push door); the other door completes the same row
ALTER TABLE workflow_activity ADD COLUMN execution_id VARCHAR(64);
ALTER TABLE workflow_activity ADD COLUMN workflow_id VARCHAR(64);
ALTER TABLE workflow_activity ADD COLUMN mode VARCHAR(40);
ALTER TABLE workflow_activity ADD COLUMN finished_at TIMESTAMPTZ;
ALTER TABLE workflow_activity ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'push';
-- NULLs stay distinct: a push without an execution id is a row of its own
ALTER TABLE workflow_activity ADD CONSTRAINT workflow_activity_execution_uk UNIQUE (execution_id);
CREATE INDEX workflow_activity_name_time_idx ON workflow_activity (workflow_name, occurred_at);
--rollback DROP INDEX workflow_activity_name_time_idx;
--rollback ALTER TABLE workflow_activity DROP CONSTRAINT workflow_activity_execution_uk;
--rollback ALTER TABLE workflow_activity DROP COLUMN source;
--rollback ALTER TABLE workflow_activity DROP COLUMN finished_at;
--rollback ALTER TABLE workflow_activity DROP COLUMN mode;
--rollback ALTER TABLE workflow_activity DROP COLUMN workflow_id;
--rollback ALTER TABLE workflow_activity DROP COLUMN execution_id;
