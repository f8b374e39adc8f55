/**
 * Below this one-sided p-value a size's function errors are clearly above the other sizes': the
 * chance that errors spread evenly over the job's calls put this many at one size.
 */
export const ERROR_RATE_SIGNIFICANCE = 0.01;

const logFactorials = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++)
    logFactorials[i] = logFactorials[i - 1] + Math.log(i);
  return logFactorials[n];
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * P(X ≥ k) for X hypergeometric: at least `k` of `drawn` calls failed, when `failed` of all
 * `total` calls did and the failures fell anywhere. This is the one-sided Fisher exact test of a
 * 2×2 table (this size against the others), exact for the few calls a size gets.
 */
export function hypergeometricUpperTail(
  k: number,
  drawn: number,
  failed: number,
  total: number,
): number {
  const denominator = logChoose(total, drawn);
  let p = 0;
  for (let x = Math.max(k, drawn - (total - failed)); x <= Math.min(drawn, failed); x++)
    p += Math.exp(logChoose(failed, x) + logChoose(total - failed, drawn - x) - denominator);
  return Math.min(1, p);
}
