SELECT (SELECT count() FROM system.tables
             WHERE database = currentDatabase() AND name IN {tables:Array(String)}
               AND engine LIKE '%MergeTree') AS mergeTrees,
            groupArray((concat(table, '/', name), 0, 0)) AS parts
     FROM system.parts
     WHERE database = currentDatabase() AND active AND table IN {tables:Array(String)};

SELECT function_id AS functionId, argMaxIf(platform, prio, platform != '') AS platform,
argMaxIf(account, prio, account != '') AS account,
argMaxIf(region, prio, region != '') AS region,
argMaxIf(name, prio, name != '') AS name,
argMaxIf(version, prio, version != '') AS version,
argMaxIf(runtime, prio, runtime != '') AS runtime,
argMaxIf(architecture, prio, architecture != '') AS architecture,
argMaxIf(package_type, prio, package_type != '') AS packageType,
if(countIf(memory_mb > 0) > 0, argMaxIf(memory_mb, prio, memory_mb > 0), NULL) AS memoryMb,
if(countIf(timeout_ms > 0) > 0, argMaxIf(timeout_ms, prio, timeout_ms > 0), NULL) AS timeoutMs,
if(countIf(ephemeral_storage_mb > 0) > 0, argMaxIf(ephemeral_storage_mb, prio, ephemeral_storage_mb > 0), NULL) AS ephemeralStorageMb,
if(countIf((provisioned_concurrency > 0 OR has(zero_fields, 'provisionedConcurrency'))) > 0, argMaxIf(provisioned_concurrency, prio, (provisioned_concurrency > 0 OR has(zero_fields, 'provisionedConcurrency'))), NULL) AS provisionedConcurrency,
if(countIf((min_scale > 0 OR has(zero_fields, 'minScale'))) > 0, argMaxIf(min_scale, prio, (min_scale > 0 OR has(zero_fields, 'minScale'))), NULL) AS minScale,
if(countIf(max_scale > 0) > 0, argMaxIf(max_scale, prio, max_scale > 0), NULL) AS maxScale,
if(countIf(pod_cpu > 0) > 0, argMaxIf(pod_cpu, prio, pod_cpu > 0), NULL) AS podCpu,
if(countIf(pod_memory_mb > 0) > 0, argMaxIf(pod_memory_mb, prio, pod_memory_mb > 0), NULL) AS podMemoryMb,
              argMaxIf(labels, prio, length(labels) > 0) AS labels,
              argMaxIf(source, prio, timeout_ms > 0) AS timeoutSource
       FROM (
         SELECT *, indexOf({order:Array(String)}, source) AS prio
         FROM function_configs FINAL
       )
       GROUP BY function_id;
