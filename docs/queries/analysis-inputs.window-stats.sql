SELECT function_id AS functionId,
            count() * if(function_id IN (SELECT function_id AS functionId FROM (SELECT function_id FROM function_day_sources
    WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0  GROUP BY function_id HAVING uniqExact(source) > 1)), 2, 1) AS n
     FROM function_minutes
     WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
     GROUP BY function_id ORDER BY function_id;

  SELECT
    function_id AS functionId,
    if(grouping(memory_size_mb) = 0, if(grouping(day) = 0, 3, 1), 0) AS level,
    memory_size_mb AS memoryMb,
    toUnixTimestamp(day) * 1000 AS dayMs,
    sum(inv) AS invocations,
    sum(err) AS errors,
    sum(tmo) AS timeouts,
    sum(oom) AS ooms,
    sum(cold) AS coldStarts,
    sum(unknown) AS unknownStarts,
    sum(rst) AS restores,
    sum(dur) AS durationSumMs,
    max(dur_max) AS durationMaxMs,
    sum(billed) AS billedDurationSumMs,
    sum(unbilled_rows) AS rowsWithoutBilled,
    sum(init) AS initDurationSumMs,
    sumMap(db) AS durationBuckets,
    if(level = 0, sumMap(ib), map()) AS initBuckets,
    max(mem_max) AS maxMemoryUsedMb,
    if(level = 0, sumMap(mb), map()) AS memoryBuckets,
    toUnixTimestamp(minIf(first_seen, active)) * 1000 AS firstSeenMs,
    toUnixTimestamp(maxIf(last_seen, active)) * 1000 AS lastSeenMs
  FROM (
    SELECT
      function_id,
      memory_size_mb,
      toStartOfDay(minute, 'UTC') AS day,
      sum(invocations) AS inv,
      sum(errors) AS err,
      sum(timeouts) AS tmo,
      sum(ooms) AS oom,
      sum(cold_starts) AS cold,
      sum(unknown_starts) AS unknown,
      sum(restores) AS rst,
      sum(duration_sum_ms) AS dur,
      max(duration_max_ms) AS dur_max,
      sum(billed_duration_sum_ms) AS billed,
      -- Only Lambda's own records (REPORT, platform.report) carry a Billed Duration, INIT
      -- included; the aggregate's ceil(duration) for other sources leaves INIT out.
      countIf(invocations > 0 AND (billed_duration_sum_ms = 0
              OR source NOT IN ('lambda_telemetry', 'lambda_log'))) AS unbilled_rows,
      sum(init_duration_sum_ms) AS init,
      sumMap(duration_buckets) AS db,
      sumMap(init_buckets) AS ib,
      max(max_memory_used_mb) AS mem_max,
      sumMap(memory_buckets) AS mb,
      minIf(minute, invocations > 0) AS first_seen,
      maxIf(minute, invocations > 0) AS last_seen,
      max(invocations > 0) AS active
    FROM (
SELECT * FROM (
  SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}
  UNION ALL
  SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})
  UNION ALL
  SELECT * FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) ) WHERE NOT (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
UNION ALL
SELECT * EXCEPT (rev, last_rev) FROM (
  SELECT *, max(rev) OVER (PARTITION BY function_id, minute) AS last_rev FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}
) WHERE rev = last_rev
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})  AND (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
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
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}  AND function_id IN (SELECT function_id FROM (
SELECT function_id, hour FROM (
  SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} )
  AND (function_id, hour) IN (
    SELECT function_id, minute FROM function_hours
    WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN (SELECT function_id FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)) )))
    AND (function_id, toStartOfHour(minute)) IN (
SELECT function_id, hour FROM (
  SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} )
  AND (function_id, hour) IN (
    SELECT function_id, minute FROM function_hours
    WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN (SELECT function_id FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)) ))
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
    GROUP BY function_id, memory_size_mb, day
  )
  GROUP BY GROUPING SETS ((function_id), (function_id, memory_size_mb),
                          (function_id, memory_size_mb, day))
  SETTINGS force_grouping_standard_compatibility = 1;
