-- A day resolution above the hours: a dashboard read of a range takes its whole UTC days from here,
-- outside the function-days with a source choice to make (those keep their chosen hours), so a
-- 7-day fleet page sums about 6 day rows per function where it summed up to 144 hour rows
-- (libs/storage/src/repositories/minute-source.sql.ts). Fed from the hour rows by a view (views
-- chain on TO tables); the start-up repair rebuilds the days of the hours it repairs
-- (libs/storage/src/writer/aggregate-repair.ts).
--
-- `minute` is the start of the day's last hour with rows for the key, not the day: reads order rows
-- by it (the version and memory size last seen), and it must order a day row exactly as that
-- hour row would. Columns are in function_hours' order, `day` aside, so a read takes
-- `* EXCEPT (day)` in a UNION with the other resolutions.
CREATE TABLE IF NOT EXISTS {{table:function_days}} {{on_cluster}}
(
    function_id LowCardinality(String),
    day DateTime('UTC') CODEC(Delta(4), ZSTD(1)),
    minute SimpleAggregateFunction(max, DateTime('UTC')),
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
PARTITION BY toYear(day)
ORDER BY (function_id, day, source, version, memory_size_mb)
{{ttl:aggregate:day + INTERVAL 1 DAY}};

{{distributed:function_days}};

-- Rows stored before this migration: copied once, while the table is still empty (migrations run
-- before the collector accepts anything). Plain names: in cluster mode the Distributed tables.
INSERT INTO function_days
SELECT
    function_id,
    toStartOfDay(h.minute) AS day,
    max(h.minute),
    source,
    version,
    memory_size_mb,
    sum(invocations),
    sum(errors),
    sum(timeouts),
    sum(ooms),
    sum(cold_starts),
    sum(provisioned_inits),
    sum(restores),
    sum(duration_sum_ms),
    max(duration_max_ms),
    sumMap(duration_buckets),
    sum(billed_duration_sum_ms),
    sum(init_duration_sum_ms),
    sumMap(init_buckets),
    sum(restore_duration_sum_ms),
    sum(billed_restore_sum_ms),
    max(max_memory_used_mb),
    sumMap(memory_buckets)
FROM function_hours AS h
WHERE (SELECT count() FROM function_days) = 0
GROUP BY function_id, day, source, version, memory_size_mb;

CREATE MATERIALIZED VIEW IF NOT EXISTS function_days_from_hours_mv {{on_cluster}}
TO {{table:function_days}}
AS SELECT
    function_id,
    toStartOfDay(h.minute) AS day,
    -- qualified: the alias below would otherwise shadow the column
    max(h.minute) AS minute,
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
FROM {{table:function_hours}} AS h
GROUP BY function_id, day, source, version, memory_size_mb;
