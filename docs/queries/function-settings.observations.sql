SELECT count() AS rows, toUnixTimestamp64Milli(max(recorded_at)) AS latestMs
       FROM function_settings_history;

SELECT function_id AS functionId, setting, toUnixTimestamp64Milli(observed_at) AS observedAtMs,
       toString(source) AS source, argMax(value, recorded_at) AS value,
       count() AS n, toUnixTimestamp64Milli(max(recorded_at)) AS latestMs
FROM function_settings_history
GROUP BY function_id, setting, observed_at, source
ORDER BY functionId, observedAtMs, setting, source;
