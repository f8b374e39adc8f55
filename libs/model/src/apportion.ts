/**
 * Splits `total` into parts proportional to `weights`. Whole totals stay whole (largest remainder),
 * so spreading 3 invocations over two minutes gives 2 + 1, never 1.5 + 1.5.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (!(weightSum > 0)) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / weightSum);
  if (!Number.isInteger(total)) return exact;
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  if (left > 0) {
    const order = exact
      .map((x, i) => [x - Math.floor(x), i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  }
  return parts;
}
