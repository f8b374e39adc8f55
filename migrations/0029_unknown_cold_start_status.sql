-- An invocation whose source cannot tell whether it started cold (cold_start = -1: a span without
-- `faas.coldstart`, as Cloud Run and Cloud Functions send them) was in the aggregate's invocations
-- but not in its cold_starts, so the cold-start rate counted it as warm: a function none of whose
-- records says read 0 %. unknown_starts counts those invocations, so a rate is taken over the
-- invocations whose start is known, and is unknown when there are none (coldStartRate() in
-- libs/analysis/src/cold-starts/cold-start.math.ts). Rows aggregated before this migration keep
-- unknown_starts 0.
--
-- Appended last to every resolution, so each keeps the column order the reads' UNIONs and the
-- writer's positional inserts rely on; in function_hours_chosen before `rev`, which its insert
-- appends to the hour view's SELECT (libs/storage/src/writer/aggregate-repair.ts). The second
-- ALTER of each table is its Distributed front in cluster mode, the same table again otherwise.
-- The time-ordered projections (0021, 0025) are `SELECT *` and take the new column with them.
ALTER TABLE {{table:function_minutes}} {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE function_minutes {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE {{table:function_five_minutes}} {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE function_five_minutes {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE {{table:function_hours}} {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE function_hours {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE {{table:function_days}} {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE function_days {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64);
ALTER TABLE {{table:function_hours_chosen}} {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64) AFTER memory_buckets;
ALTER TABLE function_hours_chosen {{on_cluster}} ADD COLUMN IF NOT EXISTS unknown_starts SimpleAggregateFunction(sum, UInt64) AFTER memory_buckets;

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
    sumMapIf(map(toInt16(if(i.max_memory_used_mb > 0, ceil(log2(i.max_memory_used_mb) * 8) - 1, -32768)), toUInt64(1)), i.max_memory_used_mb > 0) AS memory_buckets,
    -- An of-watchdog line (or an OpenFaaS function's span) cannot tell either, but an OpenFaaS
    -- function's cold starts are the gateway's (its scale from zero, docs/decisions.md), added to
    -- whichever source counts the minute (COLD_START_ONLY_SOURCES in libs/model/src/records.ts),
    -- as they are to the gateway's scrapes: its invocations are not of unknown start.
    countIf(cold_start = -1 AND platform != 'openfaas') AS unknown_starts
FROM {{table:invocations}} AS i
GROUP BY function_id, minute, source, version, memory_size_mb;

ALTER TABLE function_five_minutes_from_minutes_mv {{on_cluster}} MODIFY QUERY
SELECT
    function_id,
    toStartOfFiveMinutes(minute) AS minute,
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
    sumMap(memory_buckets) AS memory_buckets,
    sum(unknown_starts) AS unknown_starts
FROM {{table:function_minutes}}
GROUP BY function_id, minute, source, version, memory_size_mb;

ALTER TABLE function_hours_from_minutes_mv {{on_cluster}} MODIFY QUERY
SELECT
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
    sumMap(memory_buckets) AS memory_buckets,
    sum(unknown_starts) AS unknown_starts
FROM {{table:function_minutes}}
GROUP BY function_id, minute, source, version, memory_size_mb;

ALTER TABLE function_days_from_hours_mv {{on_cluster}} MODIFY QUERY
SELECT
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
    sumMap(memory_buckets) AS memory_buckets,
    sum(unknown_starts) AS unknown_starts
FROM {{table:function_hours}} AS h
GROUP BY function_id, day, source, version, memory_size_mb;
