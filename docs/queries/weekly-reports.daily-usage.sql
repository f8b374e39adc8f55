  SELECT
    function_id AS functionId,
    toUnixTimestamp(toStartOfDay(minute, 'UTC')) * 1000 AS dayStartMs,
    arrayCount(b -> b <= toUnixTimestamp(minute), {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
    arraySort(groupUniqArray(toString(source))) AS sources,
    sum(invocations) AS invocations,
    sum(cold_starts) AS coldStarts,
    sum(billed_duration_sum_ms) AS billedDurationMs,
    sumIf(billed_duration_sum_ms, source IN {platformSources:Array(String)}) AS platformBilledMs,
    sum(billed_duration_sum_ms * memory_size_mb) AS billedMbMs,
    sumIf(billed_duration_sum_ms, memory_size_mb = 0) AS unknownMemoryBilledMs,
    sum(init_duration_sum_ms) AS initDurationMs,
    sum(restores) AS restores,
    sum(billed_restore_sum_ms) AS billedRestoreMs
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
SELECT * EXCEPT (prio, rank, best_rank) FROM (
  SELECT *, max(if(prio = 0, 0, rank)) OVER (PARTITION BY function_id, minute) AS best_rank
  FROM (
    SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
           sum(invocations) OVER (PARTITION BY function_id, minute, source) * 16 + prio AS rank
    FROM function_minutes
    WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND NOT (minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime})  AND (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
  )
) WHERE rank = best_rank OR prio = 0)
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, rank, best_rank) FROM (
  SELECT *, max(if(prio = 0, 0, rank)) OVER (PARTITION BY function_id, minute) AS best_rank
  FROM (
    SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
           sum(invocations) OVER (PARTITION BY function_id, minute, source) * 16 + prio AS rank
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
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} )))
    AND (function_id, toStartOfHour(minute)) IN (
SELECT function_id, hour FROM (
  SELECT function_id, arrayJoin(arrayMap(i -> day + i * 3600, range(24))) AS hour FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE hour >= {hourFrom:DateTime} AND hour < {hourTo:DateTime}
  AND (function_id, hour) NOT IN (SELECT function_id, minute FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} ))
  )
) WHERE rank = best_rank OR prio = 0))
  GROUP BY functionId, dayStartMs, stretch
  ORDER BY dayStartMs, functionId, stretch;
