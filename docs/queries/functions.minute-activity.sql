WITH arrayDistinct(arraySort(groupArray(toInt64(intDiv(toUInt32(minute), 60))))) AS ms,
     arrayMap(m -> toUInt8(intDiv(m, 60) % 24), ms) AS hours
SELECT function_id AS functionId,
       length(ms) AS activeMinutes,
       arrayMap(d -> d - 1, arrayPopFront(arrayDifference(ms))) AS idlePeriods,
       arrayMap(h -> countEqual(hours, h), range(24)) AS activeByHour,
       ms[-1] AS lastMinute
FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime} AND invocations > 0
GROUP BY function_id;
