SELECT functionId, fromSpans, toUnixTimestamp64Milli(t) AS observedAtMs, named AS runtime
FROM (
  SELECT function_id AS functionId, fromSpans, t, named,
         lagInFrame(named, 1, '') OVER (
           PARTITION BY function_id, fromSpans ORDER BY t
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous
  FROM (
    SELECT function_id, source = 'otel_span' AS fromSpans, max(start_time) AS t,
           argMax(runtime, start_time) AS named
    FROM invocations
    PREWHERE start_time < fromUnixTimestamp64Milli({fromMs:Int64}) AND (cold_start = 1 OR init_type != '')
    WHERE runtime != ''
    GROUP BY function_id, fromSpans
    UNION ALL
    SELECT function_id, source = 'otel_span' AS fromSpans, start_time AS t, runtime AS named
    FROM invocations
    PREWHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
      AND start_time < fromUnixTimestamp64Milli({toMs:Int64}) AND (cold_start = 1 OR init_type != '')
    WHERE runtime != ''
  )
)
WHERE named != previous
ORDER BY functionId, fromSpans, observedAtMs;
