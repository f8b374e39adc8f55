SELECT 1 AS one FROM invocations
       WHERE start_time >= fromUnixTimestamp64Milli({fromMs:Int64})
         AND start_time < fromUnixTimestamp64Milli({toMs:Int64}) AND duration_us > 0
       LIMIT 1;

SELECT function_id AS functionId,
            count() * if(function_id IN (SELECT function_id AS functionId FROM (SELECT function_id FROM function_day_sources
    WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0  GROUP BY function_id HAVING uniqExact(source) > 1)), 2, 1) AS n
     FROM function_minutes
     WHERE minute >= {from:DateTime} AND minute < {to:DateTime}
     GROUP BY function_id ORDER BY function_id;

  SELECT
    function_id AS functionId,
    -- Never above the largest minute: a constant load's p95 is that load, not its bucket's edge.
    least(max(peak), arrayMap(kv -> if(empty(kv), NULL, arrayMap(cum -> if(cum[-1] = 0, NULL, arrayMap(i -> if(kv[i].1 = -32768, 0, pow(2, (kv[i].1 + (0.95 * cum[-1] - (cum[i] - kv[i].2)) / kv[i].2) / 64)), [greatest(1, arrayFirstIndex(x -> x >= 0.95 * cum[-1], cum))])[1]), [arrayCumSum(arrayMap(x -> x.2, kv))])[1]), [arraySort(x -> x.1, arrayZip(mapKeys(mapAdd(arrayMap(s -> arrayMap(f -> mapFromArrays(arrayFilter((x, g) -> g, s, f), arrayMap(p -> arrayMap((i, j) -> toUInt64(j - i), p, arrayPushBack(arrayPopFront(p), length(s) + 1)), [arrayFilter((i, g) -> g, arrayEnumerate(s), f)])[1]), [arrayMap((x, y, i) -> i = 1 OR x != y, s, arrayPushFront(arrayPopBack(s), s[1]), arrayEnumerate(s))])[1], [arraySort(arrayFlatten(groupArray(c_buckets)))])[1], map(toInt16(-32768), toUInt64(greatest(0, {windowMinutes:Int64} - sum(active)))))), mapValues(mapAdd(arrayMap(s -> arrayMap(f -> mapFromArrays(arrayFilter((x, g) -> g, s, f), arrayMap(p -> arrayMap((i, j) -> toUInt64(j - i), p, arrayPushBack(arrayPopFront(p), length(s) + 1)), [arrayFilter((i, g) -> g, arrayEnumerate(s), f)])[1]), [arrayMap((x, y, i) -> i = 1 OR x != y, s, arrayPushFront(arrayPopBack(s), s[1]), arrayEnumerate(s))])[1], [arraySort(arrayFlatten(groupArray(c_buckets)))])[1], map(toInt16(-32768), toUInt64(greatest(0, {windowMinutes:Int64} - sum(active))))))))])[1]) AS p95Concurrency,
    groupArray((how, round(conc, 4), covered, cold, round(init), timed_cold,
                round(h_conc, 4), arrayMap(v -> round(v, 4), h_covered), h_cold, round(h_init),
                h_timed)) AS hours
  FROM (
    SELECT
      function_id,
      toUInt16(intDiv(toUInt32(minute) + 259200, 3600) % 168) AS how,
      count() AS active,
      sum(c) AS conc,
      -- Levels at or above the hour's peak cover everything (= conc): sent only up to the first.
      arraySlice(
        arrayMap(v -> round(v, 4), [sum(least(c, {levels:Array(Float64)}[1])), sum(least(c, {levels:Array(Float64)}[2])), sum(least(c, {levels:Array(Float64)}[3])), sum(least(c, {levels:Array(Float64)}[4])), sum(least(c, {levels:Array(Float64)}[5])), sum(least(c, {levels:Array(Float64)}[6])), sum(least(c, {levels:Array(Float64)}[7])), sum(least(c, {levels:Array(Float64)}[8])), sum(least(c, {levels:Array(Float64)}[9])), sum(least(c, {levels:Array(Float64)}[10])), sum(least(c, {levels:Array(Float64)}[11])), sum(least(c, {levels:Array(Float64)}[12])), sum(least(c, {levels:Array(Float64)}[13])), sum(least(c, {levels:Array(Float64)}[14])), sum(least(c, {levels:Array(Float64)}[15])), sum(least(c, {levels:Array(Float64)}[16]))]::Array(Float64)),
        1,
        toInt64(if((arrayFirstIndex(l -> l >= peak, {levels:Array(Float64)}) AS saturated) = 0,
                   length({levels:Array(Float64)}), saturated - 1))
      ) AS covered,
      sum(cs) AS cold,
      sum(init_ms) AS init,
      sum(timed) AS timed_cold,
      0 AS h_conc, []::Array(Float64) AS h_covered, 0 AS h_cold, 0 AS h_init,
             0 AS h_timed,
      max(c) AS peak,
      -- Each active minute's bucket; counted per function above (no sumMap state per hour).
      groupArray(toInt16(ceil(log2(c) * 64) - 1)) AS c_buckets
    FROM (
  SELECT function_id, minute, c, cs, init_ms, timed FROM (
    SELECT function_id, minute,
           sum(duration_sum_ms) OVER w / 60000 AS c,
           sum(cold_starts) OVER w AS cs,
           sum(init_duration_sum_ms) OVER w AS init_ms,
           sum(arraySum(mapValues(init_buckets))) OVER w AS timed,
           row_number() OVER w AS rn
    FROM (
SELECT * FROM function_minutes
WHERE minute >= {from:DateTime} AND minute < {to:DateTime}  AND NOT (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
UNION ALL
SELECT * FROM (
SELECT * EXCEPT (prio, per_source) FROM (
  SELECT *, transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) AS prio,
         sumMap(map(toString(source), toUInt64(invocations))) OVER (PARTITION BY function_id, minute) AS per_source
  FROM function_minutes
  WHERE minute >= {from:DateTime} AND minute < {to:DateTime}  AND function_id IN (SELECT function_id FROM (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)) AND (function_id, toStartOfDay(minute)) IN (
SELECT function_id, day FROM function_day_sources
WHERE day > subtractDays({from:DateTime}, 1) AND day < {to:DateTime} AND transform(source, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) > 0
GROUP BY function_id, day
HAVING uniqExact(source) > 1)
)
WHERE prio = 0 OR per_source[toString(source)] * 16 + prio = arrayMax(arrayMap(
  (s, n) -> if(transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1)) = 0, 0, n * 16 + transform(s, {sources:Array(String)}, {priorities:Array(UInt8)}, toUInt8(1))),
  mapKeys(per_source), mapValues(per_source)))))
    WINDOW w AS (PARTITION BY function_id, minute)
  )
  WHERE rn = 1 AND c > 0)
    WHERE c > 0
    GROUP BY function_id, how
  )
  GROUP BY function_id;
