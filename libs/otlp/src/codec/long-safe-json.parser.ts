/** Integer literals with more digits than this may not survive a trip through a double. */
const MAX_SAFE_DIGITS = 15;

/**
 * Rewrites integer literals longer than 15 digits outside strings into JSON strings, so
 * `"startTimeUnixNano": 1544712660300000000` keeps every digit. OTLP/JSON allows int64 fields as
 * numbers (specification.md), and Node 20's JSON.parse has no access to the source text of a number.
 * One linear pass; returns the input unchanged (no copy) when nothing needs quoting.
 */
export function quoteLongIntegers(text: string): string {
  const n = text.length;
  let out: string[] | undefined;
  let copied = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      if (c === 45) i++;
      const digitsStart = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 48 || d > 57) break;
        i++;
      }
      const digits = i - digitsStart;
      const next = i < n ? text.charCodeAt(i) : 0;
      const isInteger = next !== 46 /* . */ && next !== 101 /* e */ && next !== 69; /* E */
      if (isInteger && digits > MAX_SAFE_DIGITS) {
        out ??= [];
        out.push(text.slice(copied, start), '"', text.slice(start, i), '"');
        copied = i;
      } else if (!isInteger) {
        // skip the rest of a fraction/exponent so its digits are not read as a new literal
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if ((d >= 48 && d <= 57) || d === 43 || d === 45 || d === 101 || d === 69 || d === 46)
            i++;
          else break;
        }
      }
      continue;
    }
    i++;
  }
  if (out === undefined) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** JSON.parse that keeps long integers exact (as strings). Throws like JSON.parse on bad input. */
export function parseJsonKeepingLongIntegers(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text)) as unknown;
}
