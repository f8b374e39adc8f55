-- The history of each function's settings (issue 10): every observed change of its architecture,
-- memory size and provisioned concurrency, with the time it was observed and who observed it
-- ('records': what invocations reported, REPORT's Memory Size and a span's host.arch; 'api': the
-- platform inventory; 'manual': PUT /api/functions/:id/config). function_configs holds only the
-- latest facts; the weekly report prices each hour at the settings in force then
-- (libs/reports settings-timeline.ts). A setting is in force from its observation until the next
-- one. Only changes are written (each writer remembers what it wrote last), so the table grows with
-- deployments, not with traffic; an observation written twice is one row after merges.
CREATE TABLE IF NOT EXISTS {{table:function_settings_history}} {{on_cluster}}
(
    function_id LowCardinality(String),
    -- 'architecture' | 'memory_mb' | 'provisioned_concurrency'
    setting LowCardinality(String),
    observed_at DateTime64(3, 'UTC'),
    source LowCardinality(String),
    -- The value as text: x86_64, 1024, 0 (no provisioned concurrency is a value, not unknown).
    value String,
    recorded_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = {{engine:ReplacingMergeTree(recorded_at)}}
ORDER BY (function_id, setting, observed_at, source);

{{distributed:function_settings_history}};
