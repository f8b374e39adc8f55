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
