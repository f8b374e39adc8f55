-- Fleetscope's first schema. Placeholders ({{…}}) are explained in
-- libs/storage/src/migrations/migration.renderer.ts. Every statement is idempotent.
-- Hot faas.*/cloud.* keys are real LowCardinality columns; the rest of the attributes stay in Maps.

-- One row per record of an invocation per source (span, REPORT line, platform.report, …).
-- Retried deliveries are dropped by the collector before they get here; different sources of the
-- same invocation all land here and are merged at query time by (function_id, request_id).
CREATE TABLE IF NOT EXISTS {{table:invocations}} {{on_cluster}}
(
    function_id LowCardinality(String),
    source LowCardinality(String),
    start_time DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    request_id String CODEC(ZSTD(1)),
    platform LowCardinality(String),
    version LowCardinality(String),
    -- 0 means unknown for every number below: they are never legitimately 0 for a real record.
    duration_us UInt32 CODEC(T64, ZSTD(1)),
    billed_duration_ms UInt32 CODEC(T64, ZSTD(1)),
    init_duration_us UInt32 CODEC(T64, ZSTD(1)),
    restore_duration_us UInt32 CODEC(T64, ZSTD(1)),
    billed_restore_ms UInt32 CODEC(T64, ZSTD(1)),
    memory_size_mb UInt16 CODEC(T64, ZSTD(1)),
    max_memory_used_mb UInt16 CODEC(T64, ZSTD(1)),
    -- 1 cold, 0 warm, -1 the source cannot tell
    cold_start Int8,
    init_type LowCardinality(String),
    status LowCardinality(String),
    error_type LowCardinality(String),
    trigger LowCardinality(String),
    instance LowCardinality(String),
    trace_id String CODEC(ZSTD(1)),
    runtime LowCardinality(String),
    architecture LowCardinality(String),
    ingested_at DateTime('UTC') DEFAULT now() CODEC(Delta(4), ZSTD(1)),
    INDEX idx_request_id request_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toDate(start_time)
ORDER BY (function_id, source, start_time)
{{ttl:raw:toDateTime(start_time)}}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

{{distributed:invocations}};

CREATE TABLE IF NOT EXISTS {{table:spans}} {{on_cluster}}
(
    time DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
    duration_ns UInt64 CODEC(T64, ZSTD(1)),
    trace_id String CODEC(ZSTD(1)),
    span_id String CODEC(ZSTD(1)),
    parent_span_id String CODEC(ZSTD(1)),
    trace_state String CODEC(ZSTD(1)),
    name LowCardinality(String),
    kind LowCardinality(String),
    service_name LowCardinality(String),
    function_id LowCardinality(String),
    request_id String CODEC(ZSTD(1)),
    status_code LowCardinality(String),
    status_message String CODEC(ZSTD(1)),
    scope_name LowCardinality(String),
    scope_version LowCardinality(String),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    span_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    events Array(Tuple(time DateTime64(9, 'UTC'), name LowCardinality(String), attributes Map(LowCardinality(String), String))) CODEC(ZSTD(1)),
    links Array(Tuple(trace_id String, span_id String, attributes Map(LowCardinality(String), String))) CODEC(ZSTD(1)),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_duration duration_ns TYPE minmax GRANULARITY 1
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toDate(time)
ORDER BY (service_name, function_id, name, toDateTime(time))
{{ttl:raw:toDateTime(time)}}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

{{distributed:spans}};

CREATE TABLE IF NOT EXISTS {{table:logs}} {{on_cluster}}
(
    time DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
    observed_time DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
    trace_id String CODEC(ZSTD(1)),
    span_id String CODEC(ZSTD(1)),
    severity_text LowCardinality(String),
    severity_number UInt8,
    service_name LowCardinality(String),
    function_id LowCardinality(String),
    request_id String CODEC(ZSTD(1)),
    source LowCardinality(String),
    body String CODEC(ZSTD(1)),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    log_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_request_id request_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_lower_body lower(body) TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 8
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toDate(time)
ORDER BY (function_id, service_name, toStartOfFiveMinutes(time), time)
{{ttl:raw:toDateTime(time)}}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

{{distributed:logs}};

CREATE TABLE IF NOT EXISTS {{table:metric_points}} {{on_cluster}}
(
    time DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
    start_time DateTime64(9, 'UTC') CODEC(Delta(8), ZSTD(1)),
    metric_name LowCardinality(String),
    metric_type LowCardinality(String),
    unit LowCardinality(String),
    service_name LowCardinality(String),
    function_id LowCardinality(String),
    temporality LowCardinality(String),
    is_monotonic Bool,
    value Float64 CODEC(Gorilla, ZSTD(1)),
    count UInt64 CODEC(T64, ZSTD(1)),
    sum Float64 CODEC(Gorilla, ZSTD(1)),
    min Nullable(Float64),
    max Nullable(Float64),
    bucket_counts Array(UInt64) CODEC(ZSTD(1)),
    explicit_bounds Array(Float64) CODEC(ZSTD(1)),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    attributes Map(LowCardinality(String), String) CODEC(ZSTD(1))
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toDate(time)
ORDER BY (metric_name, service_name, function_id, cityHash64(attributes), time)
{{ttl:raw:toDateTime(time)}}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

{{distributed:metric_points}};

-- The per-minute, per-function aggregate. Rows are per source: queries take, for each function and
-- minute, the most exact source present (libs/model SOURCE_PRIORITY), so an invocation seen as a
-- span, a REPORT line and a platform.report event counts once. Durations are sketched in the
-- OpenTelemetry exponential-histogram layout at scale 3 (bucket = ceil(log2(ms) * 8) - 1), summed
-- with sumMap: it merges far faster than quantile states.
CREATE TABLE IF NOT EXISTS {{table:function_minutes}} {{on_cluster}}
(
    function_id LowCardinality(String),
    minute DateTime('UTC') CODEC(Delta(4), ZSTD(1)),
    source LowCardinality(String),
    version LowCardinality(String),
    memory_size_mb UInt16,
    invocations SimpleAggregateFunction(sum, UInt64),
    errors SimpleAggregateFunction(sum, UInt64),
    timeouts SimpleAggregateFunction(sum, UInt64),
    ooms SimpleAggregateFunction(sum, UInt64),
    cold_starts SimpleAggregateFunction(sum, UInt64),
    provisioned_inits SimpleAggregateFunction(sum, UInt64),
    restores SimpleAggregateFunction(sum, UInt64),
    duration_sum_ms SimpleAggregateFunction(sum, Float64),
    duration_max_ms SimpleAggregateFunction(max, Float64),
    duration_buckets SimpleAggregateFunction(sumMap, Map(Int16, UInt64)),
    billed_duration_sum_ms SimpleAggregateFunction(sum, Float64),
    init_duration_sum_ms SimpleAggregateFunction(sum, Float64),
    init_buckets SimpleAggregateFunction(sumMap, Map(Int16, UInt64)),
    restore_duration_sum_ms SimpleAggregateFunction(sum, Float64),
    billed_restore_sum_ms SimpleAggregateFunction(sum, Float64),
    max_memory_used_mb SimpleAggregateFunction(max, UInt16),
    memory_buckets SimpleAggregateFunction(sumMap, Map(Int16, UInt64))
)
ENGINE = {{engine:AggregatingMergeTree}}
PARTITION BY toYYYYMM(minute)
ORDER BY (function_id, minute, source, version, memory_size_mb)
{{ttl:aggregate:minute}};

{{distributed:function_minutes}};

CREATE MATERIALIZED VIEW IF NOT EXISTS function_minutes_from_invocations_mv {{on_cluster}}
TO {{table:function_minutes}}
AS SELECT
    function_id,
    toStartOfMinute(start_time) AS minute,
    source,
    version,
    memory_size_mb,
    count() AS invocations,
    countIf(status = 'error') AS errors,
    countIf(status = 'timeout') AS timeouts,
    countIf(status = 'oom') AS ooms,
    countIf(cold_start = 1) AS cold_starts,
    countIf(init_type = 'provisioned-concurrency' AND init_duration_us > 0) AS provisioned_inits,
    countIf(restore_duration_us > 0) AS restores,
    sum(duration_us / 1000) AS duration_sum_ms,
    max(duration_us / 1000) AS duration_max_ms,
    sumMapIf(map(toInt16(if(duration_us > 0, ceil(log2(duration_us / 1000) * 8) - 1, -32768)), toUInt64(1)), duration_us > 0) AS duration_buckets,
    -- Sources without a billed duration (spans, watchdog) are billed as Lambda would: each
    -- invocation rounded up to the millisecond.
    sum(if(billed_duration_ms > 0, toFloat64(billed_duration_ms), ceil(duration_us / 1000))) AS billed_duration_sum_ms,
    sumIf(init_duration_us / 1000, cold_start = 1) AS init_duration_sum_ms,
    sumMapIf(map(toInt16(if(init_duration_us > 0, ceil(log2(init_duration_us / 1000) * 8) - 1, -32768)), toUInt64(1)), init_duration_us > 0 AND cold_start = 1) AS init_buckets,
    sum(restore_duration_us / 1000) AS restore_duration_sum_ms,
    sum(billed_restore_ms) AS billed_restore_sum_ms,
    max(max_memory_used_mb) AS max_memory_used_mb,
    -- qualified: the alias above would otherwise shadow the column
    sumMapIf(map(toInt16(if(i.max_memory_used_mb > 0, ceil(log2(i.max_memory_used_mb) * 8) - 1, -32768)), toUInt64(1)), i.max_memory_used_mb > 0) AS memory_buckets
FROM {{table:invocations}} AS i
GROUP BY function_id, minute, source, version, memory_size_mb;

-- Hourly resolution for long ranges, fed from the minute rows (MVs chain on TO tables).
CREATE TABLE IF NOT EXISTS {{table:function_hours}} {{on_cluster}} AS {{table:function_minutes}}
ENGINE = {{engine:AggregatingMergeTree}}
PARTITION BY toYear(minute)
ORDER BY (function_id, minute, source, version, memory_size_mb)
{{ttl:aggregate:minute}};

{{distributed:function_hours}};

CREATE MATERIALIZED VIEW IF NOT EXISTS function_hours_from_minutes_mv {{on_cluster}}
TO {{table:function_hours}}
AS SELECT
    function_id,
    toStartOfHour(minute) AS minute,
    source,
    version,
    memory_size_mb,
    sum(invocations) AS invocations,
    sum(errors) AS errors,
    sum(timeouts) AS timeouts,
    sum(ooms) AS ooms,
    sum(cold_starts) AS cold_starts,
    sum(provisioned_inits) AS provisioned_inits,
    sum(restores) AS restores,
    sum(duration_sum_ms) AS duration_sum_ms,
    max(duration_max_ms) AS duration_max_ms,
    sumMap(duration_buckets) AS duration_buckets,
    sum(billed_duration_sum_ms) AS billed_duration_sum_ms,
    sum(init_duration_sum_ms) AS init_duration_sum_ms,
    sumMap(init_buckets) AS init_buckets,
    sum(restore_duration_sum_ms) AS restore_duration_sum_ms,
    sum(billed_restore_sum_ms) AS billed_restore_sum_ms,
    max(max_memory_used_mb) AS max_memory_used_mb,
    sumMap(memory_buckets) AS memory_buckets
FROM {{table:function_minutes}}
GROUP BY function_id, minute, source, version, memory_size_mb;

-- The function inventory: one row per (function, source of the facts). Queries prefer, per field,
-- 'manual' (PUT /api/functions/:id/config) over 'api' (platform APIs) over 'records' (REPORT lines).
-- 0 and '' mean unknown.
CREATE TABLE IF NOT EXISTS {{table:function_configs}} {{on_cluster}}
(
    function_id LowCardinality(String),
    source LowCardinality(String),
    platform LowCardinality(String),
    account LowCardinality(String),
    region LowCardinality(String),
    name String,
    version String,
    runtime LowCardinality(String),
    architecture LowCardinality(String),
    package_type LowCardinality(String),
    memory_mb UInt32,
    timeout_ms UInt32,
    ephemeral_storage_mb UInt32,
    provisioned_concurrency UInt32,
    min_scale UInt32,
    max_scale UInt32,
    pod_cpu Float64,
    pod_memory_mb UInt32,
    labels Map(String, String),
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = {{engine:ReplacingMergeTree(updated_at)}}
ORDER BY (function_id, source);

{{distributed:function_configs}};

-- Body hashes of accepted ingest requests, so a client's retry of a stored request is acknowledged
-- without storing it twice, across restarts too.
CREATE TABLE IF NOT EXISTS {{table:ingest_requests}} {{on_cluster}}
(
    key String,
    source LowCardinality(String),
    received_at DateTime('UTC') DEFAULT now()
)
ENGINE = {{engine:ReplacingMergeTree}}
PARTITION BY toDate(received_at)
ORDER BY key
TTL received_at + INTERVAL 2 DAY;

{{distributed:ingest_requests}};

CREATE TABLE IF NOT EXISTS {{table:analysis_runs}} {{on_cluster}}
(
    run_id String,
    started_at DateTime64(3, 'UTC'),
    finished_at DateTime64(3, 'UTC'),
    window_from DateTime64(3, 'UTC'),
    window_to DateTime64(3, 'UTC'),
    status LowCardinality(String),
    message String,
    recommendations UInt32,
    catalogue_version LowCardinality(String)
)
ENGINE = {{engine:MergeTree}}
ORDER BY started_at;

{{distributed:analysis_runs}};

CREATE TABLE IF NOT EXISTS {{table:recommendations}} {{on_cluster}}
(
    run_id String,
    created_at DateTime64(3, 'UTC'),
    kind LowCardinality(String),
    function_id LowCardinality(String),
    severity LowCardinality(String),
    title String,
    reason String,
    current String,
    recommended String,
    monthly_impact_usd Float64,
    confidence LowCardinality(String),
    confidence_score Float64,
    evidence String,
    catalogue_version LowCardinality(String)
)
ENGINE = {{engine:MergeTree}}
PARTITION BY toYYYYMM(created_at)
ORDER BY (run_id, kind, function_id);

{{distributed:recommendations}};
