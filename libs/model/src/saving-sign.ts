/**
 * The one rule for the sign of a saving: a recommendation saves money when its monthly figure
 * (the midpoint of its saving range) is above zero. Anything else costs money (or nothing) and is
 * never shown nor added as a saving: a plan totals only the changes that save money (as the weekly
 * report marks them "In total"), and a change that costs more is a trade-off that says so.
 */
export function savesMoney(monthlyUsd: number): boolean {
  return monthlyUsd > 0;
}
