SELECT
  '' AS key,
  function_id AS functionId,
  version,
  memory_size_mb AS memorySizeMb,
  arrayCount(b -> b < toUnixTimestamp(minute) + 60, {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
  countIf(proactive) AS proactiveInits,
  countIf(proactive AND init_ms > 0) AS timedProactiveInits,
  sumIf(init_ms, proactive) AS proactiveInitSumMs,
  countIf(restore_ms > 0) AS restores,
  sumIf(restore_ms, restore_ms > 0) AS restoreSumMs,
  sumMapIf(map(toInt16(if(restore_ms > 0, ceil(log2(restore_ms) * 8) - 1, -32768)), toUInt64(1)), restore_ms > 0) AS restoreBuckets
FROM (
  SELECT function_id, request_id,
         min(start_time) AS start,
         -- The minute the aggregate counts it in, whose stretch coldStarts() gives its row
         -- (MINUTE_STRETCH: an hour with a settings change is read by minute there).
         toDateTime(toStartOfMinute(start)) AS minute,
         anyLast(version) AS version,
         max(memory_size_mb) AS memory_size_mb,
         max(init_type = 'proactive') AS proactive,
         max(init_duration_us) / 1000 AS init_ms,
         max(restore_duration_us) / 1000 AS restore_ms
  FROM invocations
  -- Any other condition only on the few records with such an init, not on every record.
  PREWHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
    AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
    AND (init_type = 'proactive' OR restore_duration_us > 0)
  GROUP BY function_id, request_id
)
GROUP BY key, function_id, version, memory_size_mb, stretch;

SELECT function_id AS functionId FROM (SELECT function_id FROM function_day_sources
    WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0 AND function_id IN {functions:Array(String)} GROUP BY function_id HAVING uniqExact(source) > 1);

  SELECT
    '' AS key,
    function_id AS functionId,
    version,
    memory_size_mb AS memorySizeMb,
    arrayCount(b -> b < toUnixTimestamp(minute) + 60, {splitAt:Array(Array(UInt32))}[transform(function_id, {splitIds:Array(String)}, arrayEnumerate({splitIds:Array(String)}), 0)]) AS stretch,
    countIf(proactive) AS proactiveInits,
    countIf(proactive AND init_ms > 0) AS timedProactiveInits,
    sumIf(init_ms, proactive) AS proactiveInitSumMs,
    countIf(restore_ms > 0) AS restores,
    sumIf(restore_ms, restore_ms > 0) AS restoreSumMs,
    sumMapIf(map(toInt16(if(restore_ms > 0, ceil(log2(restore_ms) * 8) - 1, -32768)), toUInt64(1)), restore_ms > 0) AS restoreBuckets
  FROM (
    SELECT function_id, request_id,
           min(start_time) AS start,
           -- The minute the aggregate counts it in, whose stretch coldStarts() gives its row
           -- (MINUTE_STRETCH: an hour with a settings change is read by minute there).
           toDateTime(toStartOfMinute(start)) AS minute,
           anyLast(version) AS version,
           max(memory_size_mb) AS memory_size_mb,
           max(init_type = 'proactive') AS proactive,
           max(init_duration_us) / 1000 AS init_ms,
           max(restore_duration_us) / 1000 AS restore_ms
    FROM invocations
    -- Any other condition only on the few records with such an init, not on every record.
    PREWHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
      AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
      AND (init_type = 'proactive' OR restore_duration_us > 0)
    WHERE (function_id NOT IN {severalSources:Array(String)} OR (function_id, toDateTime(toStartOfMinute(start_time)), source) IN (
  SELECT function_id, minute, source
  FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND function_id IN {severalSources:Array(String)} AND (function_id, minute) IN (SELECT function_id, toDateTime(toStartOfMinute(start_time)) FROM invocations
    PREWHERE function_id IN {severalSources:Array(String)} AND start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
      AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
      AND (init_type = 'proactive' OR restore_duration_us > 0))
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source))))))
    GROUP BY function_id, request_id
  )
  GROUP BY key, function_id, version, memory_size_mb, stretch;
