/**
 * Below this one-sided p-value a size's function errors are clearly above the other sizes': the
 * chance that errors spread evenly over the job's calls put this many at one size.
 */
export const ERROR_RATE_SIGNIFICANCE = 0.01;

/**
 * Below this one-sided p-value a size's errors are taken as more frequent than the other sizes',
 * and it is not picked while one of them can be (moreErrorsThan). Lenient: passing over a size costs at most
 * its saving, moving production onto a failing one costs failed calls; but strict enough that
 * errors the function makes at every size (1 of 6 against 0 of 18: p = 0.25) decide nothing.
 */
export const MORE_ERRORS_SIGNIFICANCE = 0.2;

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
