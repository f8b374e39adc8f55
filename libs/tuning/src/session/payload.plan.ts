/** A payload and its share of the invocations (Power Tuning's weighted payloads). */
export interface WeightedPayload {
  payload?: unknown;
  weight: number;
}

/**
 * The payload of the `index`-th invocation at a size: out of every `num`, each weighted payload
 * gets floor(w·num/Σw) and the last one the remainder (Power Tuning's generatePayloads).
 */
export function payloadFor(
  plan: { payload?: unknown; weightedPayloads?: WeightedPayload[] },
  index: number,
  num: number,
): unknown {
  const weighted = plan.weightedPayloads;
  if (!weighted || weighted.length === 0) return plan.payload ?? {};
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  const slot = index % Math.max(1, num);
  let end = 0;
  for (let i = 0; i < weighted.length - 1; i++) {
    end += Math.floor((weighted[i].weight * num) / total);
    if (slot < end) return weighted[i].payload;
  }
  return weighted[weighted.length - 1].payload;
}
