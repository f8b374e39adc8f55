-- 0 in function_configs' numeric columns means unknown (0001_initial.sql), but for a count of idle
-- capacity 0 is a fact: a Knative Service listed without a min-scale annotation scales to zero,
-- and a person may set provisioned concurrency or min-scale to 0 by hand. zero_fields names the
-- fields (FunctionConfig keys) whose 0 in this row is said, not unknown; which fields may be is
-- KNOWN_ZERO in libs/storage/src/repositories/function-config.repository.ts. Rows written before
-- this migration have none, so their 0 keeps meaning unknown.
--
-- The second ALTER is the Distributed front in cluster mode, the same table again otherwise.
ALTER TABLE {{table:function_configs}} {{on_cluster}} ADD COLUMN IF NOT EXISTS zero_fields Array(String) AFTER labels;
ALTER TABLE function_configs {{on_cluster}} ADD COLUMN IF NOT EXISTS zero_fields Array(String) AFTER labels;
