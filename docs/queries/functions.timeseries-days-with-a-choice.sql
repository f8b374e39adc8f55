SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id = {functionId:String} AND function_id IN (SELECT function_id FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id = {functionId:String} GROUP BY function_id HAVING uniqExact(source) > 1)
GROUP BY function_id, day
HAVING uniqExact(source) > 1) AS mixed
LEFT JOIN (
  SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
  FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id = {functionId:String}
  GROUP BY function_id, day
) AS chosen USING (function_id, day);

  SELECT
    toUnixTimestamp(toStartOfInterval(minute, toIntervalSecond({step:UInt32}))) * 1000 AS timeMs,
    sum(invocations) AS invocations,
    sum(errors) + sum(ooms) AS errors,
    sum(timeouts) AS timeouts,
    sum(cold_starts) AS coldStarts,
    sum(unknown_starts) AS unknownStarts,
    sum(duration_sum_ms) AS durationSumMs,
    max(duration_max_ms) AS durationMaxMs,
    sumMap(duration_buckets) AS durationBuckets,
    max(max_memory_used_mb) AS maxMemoryUsedMb
  FROM (
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id = {functionId:String} AND function_id NOT IN {mixedFunctions:Array(String)}
UNION ALL
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id = {functionId:String} AND function_id IN {mixedFunctions:Array(String)} AND NOT (function_id, toStartOfDay(minute)) IN {mixedDays:Array(Tuple(String, DateTime))}
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id = {functionId:String} AND function_id IN {mixedFunctions:Array(String)} AND (function_id, toStartOfDay(minute)) IN {mixedDays:Array(Tuple(String, DateTime))}
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
  GROUP BY timeMs
  ORDER BY timeMs;
