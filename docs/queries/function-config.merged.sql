SELECT (SELECT engine FROM system.tables
                        WHERE database = currentDatabase() AND name = 'function_configs') AS engine,
                       arraySort(groupArray(name)) AS parts
                FROM system.parts
                WHERE database = currentDatabase() AND table = 'function_configs' AND active;

SELECT function_id AS functionId, argMaxIf(platform, prio, platform != '') AS platform,
argMaxIf(account, prio, account != '') AS account,
argMaxIf(region, prio, region != '') AS region,
argMaxIf(name, prio, name != '') AS name,
argMaxIf(version, prio, version != '') AS version,
argMaxIf(runtime, prio, runtime != '') AS runtime,
argMaxIf(architecture, prio, architecture != '') AS architecture,
argMaxIf(package_type, prio, package_type != '') AS packageType,
argMaxIf(memory_mb, prio, memory_mb > 0) AS memoryMb,
argMaxIf(timeout_ms, prio, timeout_ms > 0) AS timeoutMs,
argMaxIf(ephemeral_storage_mb, prio, ephemeral_storage_mb > 0) AS ephemeralStorageMb,
argMaxIf(provisioned_concurrency, prio, provisioned_concurrency > 0) AS provisionedConcurrency,
argMaxIf(min_scale, prio, min_scale > 0) AS minScale,
argMaxIf(max_scale, prio, max_scale > 0) AS maxScale,
argMaxIf(pod_cpu, prio, pod_cpu > 0) AS podCpu,
argMaxIf(pod_memory_mb, prio, pod_memory_mb > 0) AS podMemoryMb,
              argMaxIf(labels, prio, length(labels) > 0) AS labels,
              argMaxIf(source, prio, timeout_ms > 0) AS timeoutSource
       FROM (
         SELECT *, indexOf({order:Array(String)}, source) AS prio
         FROM function_configs FINAL
       )
       GROUP BY function_id;
