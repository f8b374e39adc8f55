SELECT function_id AS functionId, toUnixTimestamp(day) AS day, settledHours
FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {ids:Array(String)} AND function_id IN (SELECT function_id FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {ids:Array(String)} GROUP BY function_id HAVING uniqExact(source) > 1)
GROUP BY function_id, day
HAVING uniqExact(source) > 1) AS mixed
LEFT JOIN (
  SELECT function_id, toStartOfDay(minute) AS day, uniqExact(minute) AS settledHours
  FROM function_hours_chosen WHERE minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime} AND function_id IN {ids:Array(String)}
  GROUP BY function_id, day
) AS chosen USING (function_id, day);

  SELECT functionId, dayStartMs, stretch,
    sum(least(c, ({levels:Array(Array(Float64))}[transform(functionId, {ids:Array(String)}, arrayEnumerate({ids:Array(String)}), 0)])[1 + stretch])) * 60000 AS busyUnderLevelMs,
    countIf(c > 0 OR n > 0) AS activeMinutes
  FROM (
    SELECT function_id AS functionId,
           toUnixTimestamp(toStartOfDay(minute, 'UTC')) * 1000 AS dayStartMs,
           arrayCount(b -> b < toUnixTimestamp(multiIf(minute >= {hourFrom:DateTime} AND minute < {hourTo:DateTime}, toStartOfHour(minute) + 3600, minute >= {fiveFrom:DateTime} AND minute < {fiveTo:DateTime}, toStartOfFiveMinutes(minute) + 300, minute + 60)), {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch, c, n
    FROM (
      SELECT function_id, minute, sum(duration_sum_ms) OVER w / 60000 AS c,
             sum(invocations) OVER w AS n,
             row_number() OVER w AS rn
      FROM (
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id IN {ids:Array(String)} AND function_id NOT IN {mixedFunctions:Array(String)}
UNION ALL
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id IN {ids:Array(String)} AND function_id IN {mixedFunctions:Array(String)} AND NOT (function_id, toStartOfDay(minute)) IN {mixedDays:Array(Tuple(String, DateTime))}
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id IN {ids:Array(String)} AND function_id IN {mixedFunctions:Array(String)} AND (function_id, toStartOfDay(minute)) IN {mixedDays:Array(Tuple(String, DateTime))}
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
      WINDOW w AS (PARTITION BY function_id, minute)
    )
    WHERE rn = 1
  )
  GROUP BY functionId, dayStartMs, stretch;
