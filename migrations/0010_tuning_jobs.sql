-- Memory-tuning jobs (issue 8). A job's state is rewritten as it runs: each write is a new row
-- with a higher revision, and reads take the highest revision per id (LIMIT 1 BY), so a job
-- never needs an UPDATE. request, snapshot and summary are JSON documents.
CREATE TABLE IF NOT EXISTS {{table:tuning_jobs}} {{on_cluster}}
(
    id String,
    revision UInt64,
    created_at DateTime64(3, 'UTC'),
    updated_at DateTime64(3, 'UTC'),
    started_at DateTime64(3, 'UTC'),
    finished_at DateTime64(3, 'UTC'),
    platform LowCardinality(String),
    function String,
    -- The Fleetscope function id, known once the platform has described the function.
    function_id String,
    status LowCardinality(String),
    request String,
    -- The function's configuration before the job touched it: what every restore puts back.
    snapshot String,
    progress Float64,
    invocations_used UInt32,
    summary String,
    error String,
    -- The runner that holds the job; its heartbeat is updated_at.
    runner String
)
ENGINE = {{engine:ReplacingMergeTree(revision)}}
ORDER BY id;

{{distributed:tuning_jobs}};

-- Every invocation a job made, so a job resumed after a restart continues where it stopped.
CREATE TABLE IF NOT EXISTS {{table:tuning_observations}} {{on_cluster}}
(
    job_id String,
    seq UInt32,
    architecture LowCardinality(String),
    memory_mb UInt32,
    warmup UInt8,
    outcome LowCardinality(String),
    duration_ms Float64,
    billed_duration_ms Float64,
    init_duration_ms Float64,
    error_type LowCardinality(String)
)
ENGINE = {{engine:ReplacingMergeTree}}
ORDER BY (job_id, seq);

{{distributed:tuning_observations}};

-- Cancel requests, kept apart from the job rows so the runner's own writes cannot overwrite them.
CREATE TABLE IF NOT EXISTS {{table:tuning_cancels}} {{on_cluster}}
(
    job_id String,
    requested_at DateTime64(3, 'UTC')
)
ENGINE = {{engine:MergeTree}}
ORDER BY job_id;

{{distributed:tuning_cancels}};
