--liquibase formatted sql

--changeset arasul:065-update-packages-retryable
-- a package refused only for the box's passing state (another update running, critical healing,
-- too little disk, a maintenance window) may be brought again, the same file, and is checked anew
ALTER TABLE update_packages ADD COLUMN retryable BOOLEAN NOT NULL DEFAULT FALSE;
--rollback ALTER TABLE update_packages DROP COLUMN retryable;
