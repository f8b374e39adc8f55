SELECT function_id AS functionId, setting, toUnixTimestamp64Milli(observed_at) AS observedAtMs,
       toString(source) AS source, argMax(value, recorded_at) AS value
FROM function_settings_history
WHERE observed_at < fromUnixTimestamp64Milli({toMs:Int64}) AND function_id IN {ids:Array(String)}
  AND (observed_at >= fromUnixTimestamp64Milli({fromMs:Int64})
       OR (function_id, setting, source, observed_at) IN (
         SELECT function_id, setting, source, max(observed_at)
         FROM function_settings_history
         WHERE observed_at < fromUnixTimestamp64Milli({fromMs:Int64}) AND function_id IN {ids:Array(String)}
         GROUP BY function_id, setting, source))
GROUP BY function_id, setting, observed_at, source
ORDER BY functionId, observedAtMs, setting, source;
