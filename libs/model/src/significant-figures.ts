/**
 * `x` to `digits` significant figures, in fixed notation ("0.026", "7.8", "123"): never the
 * exponent toPrecision writes for small numbers (1.7e-9).
 */
export function formatSignificant(x: number, digits: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const rounded = Number(x.toPrecision(digits));
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return rounded.toFixed(decimals);
}
