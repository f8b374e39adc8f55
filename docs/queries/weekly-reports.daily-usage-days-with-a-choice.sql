SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {functionIds:Array(String)} AND function_id IN (SELECT function_id FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {functionIds:Array(String)} GROUP BY function_id HAVING uniqExact(source) > 1)
GROUP BY function_id, day
HAVING uniqExact(source) > 1) AS mixed
LEFT JOIN (
  SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
  FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {functionIds:Array(String)}
  GROUP BY function_id, day
) AS chosen USING (function_id, day);

SELECT function_id AS functionId, toUnixTimestamp(hour) AS hour FROM (
    SELECT function_id, hour FROM (
      SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (SELECT tupleElement(t, 1) AS function_id, tupleElement(t, 2) AS day
         FROM (SELECT arrayJoin({mixedDays:Array(Tuple(String, DateTime))}) AS t))
    )
    WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
      AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {functionIds:Array(String)})
      AND (function_id, hour) IN (
        SELECT function_id, minute FROM function_hours
        WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {mixedFunctions:Array(String)} AND function_id IN {functionIds:Array(String)}));

  SELECT
    function_id AS functionId,
    toUnixTimestamp(toStartOfDay(minute, 'UTC')) * 1000 AS dayStartMs,
    arrayCount(b -> b < toUnixTimestamp(multiIf(minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}, toStartOfHour(minute) + 3600, minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}, toStartOfFiveMinutes(minute) + 300, minute + 60)), {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
    arraySort(groupUniqArray(toString(source))) AS sources,
    sum(invocations) AS invocations,
    sum(cold_starts) AS coldStarts,
    sum(provisioned_inits) AS provisionedInits,
    sum(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms)) AS billedDurationMs,
    sumIf(init_duration_sum_ms, source NOT IN ('lambda_telemetry', 'lambda_log')) AS unbilledInitMs,
    sum(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms) * memory_size_mb) AS billedMbMs,
    sumIf(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms), memory_size_mb = 0) AS unknownMemoryBilledMs,
    sum(init_duration_sum_ms) AS initDurationMs,
    sum(init_duration_sum_ms * memory_size_mb) AS initMbMs,
    sumIf(init_duration_sum_ms, memory_size_mb > 0) AS initKnownMemoryMs,
    sum(restores) AS restores,
    sum(billed_restore_sum_ms) AS billedRestoreMs
  FROM (
  SELECT * FROM function_hours WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {functionIds:Array(String)} AND function_id NOT IN {mixedFunctions:Array(String)}
  UNION ALL
  SELECT * FROM function_five_minutes WHERE minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND function_id IN {functionIds:Array(String)} AND function_id NOT IN {mixedFunctions:Array(String)}
  UNION ALL
  SELECT * FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}) AND function_id IN {functionIds:Array(String)} AND function_id NOT IN {mixedFunctions:Array(String)}
UNION ALL
SELECT * EXCEPT (rev, last_rev) FROM (
  SELECT *, max(rev) OVER (PARTITION BY function_id, minute) AS last_rev FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {functionIds:Array(String)} AND (function_id, minute) NOT IN {unsettledHours:Array(Tuple(String, DateTime))}
) WHERE rev = last_rev
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}) AND function_id IN {functionIds:Array(String)} AND function_id IN {mixedFunctions:Array(String)}
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
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {functionIds:Array(String)} AND function_id IN {unsettledFunctions:Array(String)}
    AND (function_id, toStartOfHour(minute)) IN {unsettledHours:Array(Tuple(String, DateTime))}
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
  GROUP BY functionId, dayStartMs, stretch
  ORDER BY dayStartMs, functionId, stretch;
