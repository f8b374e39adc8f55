SELECT
         arrayStringConcat(arraySlice(splitByChar('~', function_id), 1, 3), '~') AS accountPrefix,
         toUnixTimestamp(toDateTime(toStartOfMonth(day), 'UTC')) * 1000 AS monthStartMs,
         sum((greatest(if(billed_duration_sum_ms > 0, billed_duration_sum_ms, duration_sum_ms) + if(source NOT IN ('lambda_telemetry', 'lambda_log'), init_duration_sum_ms, 0),
                       duration_sum_ms + init_duration_sum_ms + invocations)
              + billed_restore_sum_ms)
             * if(memory_size_mb > 0, memory_size_mb, {largestMb:UInt16})) / 1024000 AS gbSeconds
       FROM function_days
       WHERE day >= toStartOfDay(toDateTime({from:UInt32})) AND day < toDateTime({to:UInt32})
         AND startsWith(function_id, 'aws_lambda~')
       GROUP BY accountPrefix, monthStartMs
       ORDER BY accountPrefix, monthStartMs;
