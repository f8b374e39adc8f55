-- A SnapStart restore is what classifyInit() (libs/model/src/cold-starts/init.classifier.ts) calls
-- one: a cold start of init_type 'snap-start'. The minute view counted restore_duration_us > 0
-- instead, a second rule: a restore the classifier knew from a RESTORE_START or the snapshot's
-- platform.initStart alone (the report's restoreDurationMs is optional) was left in cold_starts
-- but not in restores, and so read as an on-demand cold start (cold_starts - restores) on the
-- cold-start page and priced without its restore fee. Rows aggregated before this migration keep
-- the count they had.
ALTER TABLE function_minutes_from_invocations_mv {{on_cluster}} MODIFY QUERY
SELECT
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
    countIf(cold_start = 1 AND init_type = 'snap-start') AS restores,
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
