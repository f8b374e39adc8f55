SELECT DISTINCT function_id AS functionId FROM function_days
       WHERE day >= toStartOfDay(toDateTime({from:UInt32})) AND day < toDateTime({to:UInt32})
         AND memory_size_mb = 0 AND function_id IN {ids:Array(String)};
