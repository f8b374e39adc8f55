SELECT
         arrayStringConcat(arraySlice(splitByChar('~', function_id), 1, 3), '~') AS accountPrefix,
         toUnixTimestamp(toDateTime(toStartOfMonth(day), 'UTC')) * 1000 AS monthStartMs,
         sum((duration_sum_ms + init_duration_sum_ms + billed_restore_sum_ms + invocations)
             * if(memory_size_mb > 0, memory_size_mb, {largestMb:UInt16})) / 1024000 AS gbSeconds
       FROM function_days
       WHERE day >= toStartOfDay(toDateTime({from:UInt32})) AND day < toDateTime({to:UInt32})
         AND startsWith(function_id, 'aws_lambda~')
       GROUP BY accountPrefix, monthStartMs
       ORDER BY accountPrefix, monthStartMs;
