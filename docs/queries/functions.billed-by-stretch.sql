SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {splitIds:Array(String)} AND function_id IN (SELECT function_id FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {splitIds:Array(String)} GROUP BY function_id HAVING uniqExact(source) > 1)
GROUP BY function_id, day
HAVING uniqExact(source) > 1) AS mixed
LEFT JOIN (
  SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
  FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {splitIds:Array(String)}
  GROUP BY function_id, day
) AS chosen USING (function_id, day);

SELECT
  function_id AS functionId,
  arrayCount(b -> b < toUnixTimestamp(multiIf(minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}, toStartOfHour(minute) + 3600, minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}, toStartOfFiveMinutes(minute) + 300, minute + 60)), {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
  sum(invocations) AS invocations,
  sum(restores) AS restores,
  sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms) * memory_size_mb, memory_size_mb > 0) AS billedMbMs,
  sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb > 0) AS billedMsKnownMemory,
  sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb = 0) AS billedMsUnknownMemory,
  sumIf(init_duration_sum_ms, source NOT IN ('lambda_telemetry', 'lambda_log')) AS unbilledInitMs,
  argMaxIf(memory_size_mb, minute, memory_size_mb > 0) AS lastMemorySizeMb,
  sum(billed_restore_sum_ms) AS billedRestoreSumMs
FROM (
SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {splitIds:Array(String)}
UNION ALL
SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND function_id IN {splitIds:Array(String)}
UNION ALL
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) AND function_id IN {splitIds:Array(String)})
GROUP BY function_id, stretch
ORDER BY function_id, stretch;
