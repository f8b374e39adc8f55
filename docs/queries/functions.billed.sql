  SELECT
    function_id AS functionId,
    sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms) * memory_size_mb, memory_size_mb > 0) AS billedMbMs,
    sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb > 0) AS billedMsKnownMemory,
    sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb = 0) AS billedMsUnknownMemory,
    sumIf(init_duration_sum_ms, source NOT IN ('lambda_telemetry', 'lambda_log')) AS unbilledInitMs,
    argMaxIf(memory_size_mb, minute, memory_size_mb > 0) AS lastMemorySizeMb,
    sum(billed_restore_sum_ms) AS billedRestoreSumMs
  FROM (
SELECT * FROM (
  SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND startsWith(function_id, {idPrefix:String})
  UNION ALL
  SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND startsWith(function_id, {idPrefix:String})
  UNION ALL
  SELECT * FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) AND startsWith(function_id, {idPrefix:String})) WHERE NOT (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
UNION ALL
SELECT * EXCEPT (rev, last_rev) FROM (
  SELECT *, max(rev) OVER (PARTITION BY function_id, minute) AS last_rev FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND startsWith(function_id, {idPrefix:String})
) WHERE rev = last_rev
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND startsWith(function_id, {idPrefix:String}) AND (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
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
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND startsWith(function_id, {idPrefix:String}) AND function_id IN (SELECT function_id FROM (
SELECT function_id, hour FROM (
  SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND startsWith(function_id, {idPrefix:String}))
  AND (function_id, hour) IN (
    SELECT function_id, minute FROM function_hours
    WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN (SELECT function_id FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
GROUP BY function_id, day
HAVING uniqExact(source) > 1)) AND startsWith(function_id, {idPrefix:String}))))
    AND (function_id, toStartOfHour(minute)) IN (
SELECT function_id, hour FROM (
  SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND startsWith(function_id, {idPrefix:String}))
  AND (function_id, hour) IN (
    SELECT function_id, minute FROM function_hours
    WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN (SELECT function_id FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND startsWith(function_id, {idPrefix:String})
GROUP BY function_id, day
HAVING uniqExact(source) > 1)) AND startsWith(function_id, {idPrefix:String})))
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
  GROUP BY function_id
  ORDER BY function_id;
