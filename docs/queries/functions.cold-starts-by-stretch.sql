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

SELECT
  '' AS key,
  function_id AS functionId,
  memory_size_mb AS memorySizeMb,
  version,
  0 AS stretch,
  sum(invocations) AS invocations,
  sum(cold_starts) AS coldStarts,
  sum(unknown_starts) AS unknownStarts,
  sum(provisioned_inits) AS provisionedInits,
  sum(restores) AS restores,
  sum(init_duration_sum_ms) AS initDurationSumMs,
  mapKeys(sumMap(init_buckets) AS initBuckets) AS initBucketsIndexes, mapValues(initBuckets) AS initBucketsCounts,
  sum(restore_duration_sum_ms) AS restoreDurationSumMs,
  sum(billed_restore_sum_ms) AS billedRestoreSumMs
FROM (
SELECT * EXCEPT (day) FROM function_days WHERE day >= {dayFrom:DateTime} AND day < {dayTo:DateTime} AND function_id NOT IN {splitIds:Array(String)}
UNION ALL
SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND NOT (minute >= {dayFrom:DateTime} AND minute < {dayTo:DateTime}) AND function_id NOT IN {splitIds:Array(String)}
UNION ALL
SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND function_id NOT IN {splitIds:Array(String)}
UNION ALL
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) AND function_id NOT IN {splitIds:Array(String)})
GROUP BY key, function_id, memory_size_mb, version, stretch
-- A fixed order: callers add the rows' costs in it, and float sums depend on their order.
ORDER BY key, function_id, memory_size_mb, version, stretch;

  SELECT
    '' AS key,
    function_id AS functionId,
    memory_size_mb AS memorySizeMb,
    version,
    arrayCount(b -> b < toUnixTimestamp(minute) + 60, {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
    sum(invocations) AS invocations,
    sum(cold_starts) AS coldStarts,
    sum(unknown_starts) AS unknownStarts,
    sum(provisioned_inits) AS provisionedInits,
    sum(restores) AS restores,
    sum(init_duration_sum_ms) AS initDurationSumMs,
    mapKeys(sumMap(init_buckets) AS initBuckets) AS initBucketsIndexes, mapValues(initBuckets) AS initBucketsCounts,
    sum(restore_duration_sum_ms) AS restoreDurationSumMs,
    sum(billed_restore_sum_ms) AS billedRestoreSumMs
  FROM (SELECT * FROM (
  SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {splitIds:Array(String)}
  UNION ALL
  SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND function_id IN {splitIds:Array(String)}
  UNION ALL
  SELECT * FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) AND function_id IN {splitIds:Array(String)}) WHERE NOT (toStartOfHour(minute) IN {splitHoursAny:Array(DateTime)} AND has({splitHours:Array(Array(DateTime))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)], toStartOfHour(minute)))
     UNION ALL
     SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id IN {splitIds:Array(String)} AND toStartOfHour(minute) IN {splitHoursAny:Array(DateTime)} AND has({splitHours:Array(Array(DateTime))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)], toStartOfHour(minute)))
  GROUP BY key, function_id, memory_size_mb, version, stretch
  -- A fixed order: callers add the rows' costs in it, and float sums depend on their order.
  ORDER BY key, function_id, memory_size_mb, version, stretch;
