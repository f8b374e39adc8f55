SELECT DISTINCT function_id AS functionId FROM function_days
WHERE day >= toDateTime({from:UInt32}) AND day < toDateTime({to:UInt32}) AND restores > 0
  AND function_id = {functionId:String};
