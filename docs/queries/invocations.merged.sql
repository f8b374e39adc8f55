SELECT request_id AS requestId, toUnixTimestamp64Milli(start) AS startTimeMs,
  argMax(start_time, p) AS start,
  argMaxIf(duration_us, p, duration_us > 0) / 1000 AS durationMs,
  argMaxIf(billed_duration_ms, p, billed_duration_ms > 0) AS billedDurationMs,
  argMaxIf(init_duration_us, p, init_duration_us > 0) / 1000 AS initDurationMs,
  argMaxIf(restore_duration_us, p, restore_duration_us > 0) / 1000 AS restoreDurationMs,
  argMaxIf(billed_restore_ms, p, billed_restore_ms > 0) AS billedRestoreDurationMs,
  argMaxIf(memory_size_mb, p, memory_size_mb > 0) AS memorySizeMb,
  argMaxIf(max_memory_used_mb, p, max_memory_used_mb > 0) AS maxMemoryUsedMb,
  argMaxIf(cold_start, p, cold_start >= 0) AS coldStart,
  countIf(cold_start >= 0) AS coldStartKnown,
  argMaxIf(init_type, p, init_type != '') AS initType,
  argMaxIf(status, p, status NOT IN ('', 'unknown')) AS status,
  argMaxIf(error_type, p, error_type != '') AS errorType,
  argMaxIf(trigger, p_span, trigger != '') AS trigger,
  argMaxIf(instance, p, instance != '') AS instance,
  argMaxIf(trace_id, p_span, trace_id != '') AS traceId,
  argMaxIf(version, p, version != '') AS version,
  argMaxIf(runtime, p, runtime != '') AS runtime,
  arrayReverseSort(s -> indexOf({sources:Array(String)}, s), groupUniqArray(source)) AS sources
       FROM (
         SELECT *,
                indexOf({sources:Array(String)}, source) AS p,
                if(source = 'otel_span', 1000, p) AS p_span
         FROM invocations
         WHERE function_id = {functionId:String}
           AND start_time >= {from:DateTime64(3)} AND start_time < {to:DateTime64(3)}
           AND ({requestId:String} = '' OR request_id = {requestId:String})
       )
       GROUP BY request_id
       ORDER BY startTimeMs DESC, requestId
       LIMIT {limit:UInt32};
