-- A tuning job's invocations kept no SnapStart restore (0010_tuning_jobs.sql): a job resumed after a
-- restart read its earlier restores back as warm calls, so they counted among the size's warm
-- figures, and were priced without their Billed Restore Duration or their restore fee. The
-- Restore Duration and Billed Restore Duration of each call are kept now; rows written before this
-- migration read 0, not a restore.
--
-- The second ALTER is the Distributed front in cluster mode, the same table again otherwise.
ALTER TABLE {{table:tuning_observations}} {{on_cluster}} ADD COLUMN IF NOT EXISTS restore_duration_ms Float64 DEFAULT 0 AFTER init_duration_ms;
ALTER TABLE {{table:tuning_observations}} {{on_cluster}} ADD COLUMN IF NOT EXISTS billed_restore_duration_ms Float64 DEFAULT 0 AFTER restore_duration_ms;
ALTER TABLE tuning_observations {{on_cluster}} ADD COLUMN IF NOT EXISTS restore_duration_ms Float64 DEFAULT 0 AFTER init_duration_ms;
ALTER TABLE tuning_observations {{on_cluster}} ADD COLUMN IF NOT EXISTS billed_restore_duration_ms Float64 DEFAULT 0 AFTER restore_duration_ms;
