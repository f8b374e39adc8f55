/** A payload and its share of the invocations (Power Tuning's weighted payloads). */
export interface WeightedPayload {
  payload?: unknown;
  weight: number;
}

/**
 * The payload of the `index`-th invocation at a size. Out of every `num`, each weighted payload
 * gets floor(w·num/Σw) and the last one the remainder (Power Tuning's generatePayloads), handed
 * out interleaved by weight (smooth weighted round-robin) rather than in runs: the adaptive search
 * runs a size a few calls at a time, and each batch must see the mix, not the first payload's run.
 */
export function payloadFor(
  plan: { payload?: unknown; weightedPayloads?: WeightedPayload[] },
  index: number,
  num: number,
): unknown {
  const weighted = plan.weightedPayloads;
  if (!weighted || weighted.length === 0) return plan.payload ?? {};
  const n = Math.max(1, num);
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  const shares = weighted.map((w) => Math.floor((w.weight * n) / total));
  shares[shares.length - 1] = n - shares.slice(0, -1).reduce((s, q) => s + q, 0);
  // Each step every payload earns its share; the one furthest ahead (the first on a tie) is sent
  // and pays `n`. Over `n` steps each is sent exactly its share.
  const credit = shares.map(() => 0);
  let chosen = 0;
  for (let slot = 0; slot <= index % n; slot++) {
    chosen = 0;
    for (let i = 0; i < shares.length; i++) {
      credit[i] += shares[i];
      if (credit[i] > credit[chosen]) chosen = i;
    }
    credit[chosen] -= n;
  }
  return weighted[chosen].payload;
}
