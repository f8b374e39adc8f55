-- The per-minute source choice (libs/storage/src/repositories/minute-source.sql.ts) made at write
-- time, so a range read sums stored rows instead of running window passes over minute rows.

-- Which sources reported each function on each UTC day, fed from the minute rows by a view (a
-- few rows per function-day): a function-day with one invocation-counting source has no choice to
-- make, and its rows are read as stored at every resolution.
CREATE TABLE IF NOT EXISTS {{table:function_day_sources}} {{on_cluster}}
(
    function_id LowCardinality(String),
    day DateTime('UTC'),
    source LowCardinality(String)
)
ENGINE = {{engine:ReplacingMergeTree}}
PARTITION BY toYYYYMM(day)
ORDER BY (function_id, day, source)
{{ttl:aggregate:day + INTERVAL 1 DAY}};

{{distributed:function_day_sources}};

-- Rows stored before this migration: copied once, while the table is still empty (migrations run
-- before the collector accepts anything). Plain names: in cluster mode the Distributed tables.
INSERT INTO function_day_sources
SELECT DISTINCT function_id, toStartOfDay(minute) AS day, source
FROM function_hours
WHERE (SELECT count() FROM function_day_sources) = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS function_day_sources_from_minutes_mv {{on_cluster}}
TO {{table:function_day_sources}}
AS SELECT DISTINCT function_id, toStartOfDay(minute) AS day, source
FROM {{table:function_minutes}};

-- For the function-hours of days with several sources: the hour sums of the chosen source's minute
-- rows (and the cold-start-only sources'), keyed like function_hours. The writer rebuilds the hours
-- each flush touches (and the start-up repair the hours it repairs), each rebuild under a new
-- `rev`; a read takes the rows of an hour's newest rev. ReplacingMergeTree keeps one row per key,
-- so older revs do not pile up.
CREATE TABLE IF NOT EXISTS {{table:function_hours_chosen}} {{on_cluster}}
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
    memory_buckets SimpleAggregateFunction(sumMap, Map(Int16, UInt64)),
    -- µs since the epoch when the rebuild read the minute rows: a later rev saw more of them.
    rev UInt64
)
ENGINE = {{engine:ReplacingMergeTree(rev)}}
PARTITION BY toYear(minute)
ORDER BY (function_id, minute, source, version, memory_size_mb)
{{ttl:aggregate:minute}};

{{distributed:function_hours_chosen}};
