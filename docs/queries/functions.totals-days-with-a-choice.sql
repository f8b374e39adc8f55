SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0  AND function_id IN (SELECT function_id FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0  GROUP BY function_id HAVING uniqExact(source) > 1)
GROUP BY function_id, day
HAVING uniqExact(source) > 1) AS mixed
LEFT JOIN (
  SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
  FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}
  GROUP BY function_id, day
) AS chosen USING (function_id, day);

SELECT function_id AS functionId, toUnixTimestamp(hour) AS hour FROM (
    SELECT function_id, hour FROM (
      SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (SELECT tupleElement(t, 1) AS function_id, tupleElement(t, 2) AS day
         FROM (SELECT arrayJoin({mixedDays:Array(Tuple(String, DateTime))}) AS t))
    )
    WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
      AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} )
      AND (function_id, hour) IN (
        SELECT function_id, minute FROM function_hours
        WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {mixedFunctions:Array(String)} ));

    SELECT
      function_id AS functionId,
      argMax(version, minute) AS version,
sum(invocations) AS invocations,
sum(errors) + sum(ooms) AS errors,
sum(timeouts) AS timeouts,
sum(cold_starts) AS coldStarts,
sum(unknown_starts) AS unknownStarts,
sum(provisioned_inits) AS provisionedInits,
sum(restores) AS restores,
sum(duration_sum_ms) AS durationSumMs,
max(duration_max_ms) AS durationMaxMs,
mapKeys(sumMap(duration_buckets) AS durationBuckets) AS durationBucketsIndexes, mapValues(durationBuckets) AS durationBucketsCounts,
mapKeys(sumMap(init_buckets) AS initBuckets) AS initBucketsIndexes, mapValues(initBuckets) AS initBucketsCounts,
sum(init_duration_sum_ms) AS initDurationSumMs,
sum(billed_restore_sum_ms) AS billedRestoreSumMs,
max(max_memory_used_mb) AS maxMemoryUsedMb,
      sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms) * memory_size_mb, memory_size_mb > 0) AS billedMbMs,
      sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb > 0) AS billedMsKnownMemory,
      sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb = 0) AS billedMsUnknownMemory,
      sumIf(init_duration_sum_ms, source NOT IN ('lambda_telemetry', 'lambda_log')) AS unbilledInitMs,
      argMaxIf(memory_size_mb, minute, memory_size_mb > 0) AS lastMemorySizeMb
    FROM (
    SELECT * EXCEPT (day) FROM function_days WHERE day >= {dayFrom:DateTime} AND day < {dayTo:DateTime}  AND function_id NOT IN {mixedFunctions:Array(String)}
    UNION ALL
    SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND NOT (minute >= {dayFrom:DateTime} AND minute < {dayTo:DateTime})  AND function_id NOT IN {mixedFunctions:Array(String)}
    UNION ALL
    SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})  AND function_id NOT IN {mixedFunctions:Array(String)}
    UNION ALL
    SELECT * FROM function_minutes
    WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime})  AND function_id NOT IN {mixedFunctions:Array(String)}
  UNION ALL
  SELECT * EXCEPT (rev, last_rev) FROM (
    SELECT *, max(rev) OVER (PARTITION BY function_id, minute) AS last_rev FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}  AND (function_id, minute) NOT IN {unsettledHours:Array(Tuple(String, DateTime))}
  ) WHERE rev = last_rev
  UNION ALL
  SELECT * FROM (
  SELECT * EXCEPT (prio, per_source) FROM (
    SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
           sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
    FROM function_minutes
    WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})  AND function_id IN {mixedFunctions:Array(String)}
  )
  WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
    (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
    mapKeys(per_source), mapValues(per_source))))
  UNION ALL
  SELECT * FROM (
  SELECT * EXCEPT (prio, per_source) FROM (
    SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
           sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
    FROM function_minutes
    WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}  AND function_id IN {unsettledFunctions:Array(String)}
      AND (function_id, toStartOfHour(minute)) IN {unsettledHours:Array(Tuple(String, DateTime))}
  )
  WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
    (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
    mapKeys(per_source), mapValues(per_source)))))
    GROUP BY function_id
    ORDER BY invocations DESC, function_id;
