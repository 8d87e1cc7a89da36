--liquibase formatted sql

--changeset arasul:060-autovacuum-high-write-events
--comment: the retention job deletes from these tables every hour, and a login storm or a flapping service can fill them fast; vacuum them before the default 20 % of dead rows
ALTER TABLE login_attempts SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE service_failures SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE recovery_actions SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE workflow_activity SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
--rollback ALTER TABLE login_attempts RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
--rollback ALTER TABLE service_failures RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
--rollback ALTER TABLE recovery_actions RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
--rollback ALTER TABLE workflow_activity RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
