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
  FROM (SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id = {functionId:String})
  GROUP BY timeMs
  ORDER BY timeMs;
