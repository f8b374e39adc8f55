SELECT functionId, min(knownAtMs) AS firstSeenMs, max(dataEndMs) AS lastDataEndMs
FROM (
  SELECT function_id AS functionId,
         toInt64(toUnixTimestamp(min(minute))) * 1000 AS knownAtMs,
         (toInt64(toUnixTimestamp(max(minute))) + 60) * 1000 AS dataEndMs
  FROM function_minutes
  WHERE function_id IN {ids:Array(String)}
    AND (function_id, toStartOfDay(minute, 'UTC')) IN (
      SELECT function_id, min(day) FROM function_days
      WHERE function_id IN {ids:Array(String)} GROUP BY function_id
      UNION ALL
      SELECT function_id, max(day) FROM function_days
      WHERE function_id IN {ids:Array(String)} GROUP BY function_id)
  GROUP BY function_id
  UNION ALL
  SELECT function_id, toUnixTimestamp64Milli(min(observed_at)), toInt64(0)
  FROM function_settings_history
  WHERE function_id IN {ids:Array(String)}
  GROUP BY function_id
  UNION ALL
  SELECT function_id, toUnixTimestamp64Milli(min(updated_at)), toInt64(0)
  FROM function_configs FINAL
  WHERE function_id IN {ids:Array(String)}
  GROUP BY function_id
)
GROUP BY functionId;

SELECT functionId, listedAtMs
FROM (
  SELECT function_id AS functionId,
         toUnixTimestamp64Milli(updated_at) AS listedAtMs,
         toUnixTimestamp64Milli(max(updated_at) OVER (PARTITION BY platform, region))
           AS targetListedAtMs
  FROM function_configs FINAL
  WHERE source = 'api' AND platform IN ('knative', 'openfaas')
)
WHERE functionId IN {ids:Array(String)} AND targetListedAtMs > listedAtMs;
