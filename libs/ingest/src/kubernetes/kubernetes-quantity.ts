const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * A Kubernetes resource quantity (`128Mi`, `0.5`, `250m`, `1e3`, `1G`) as a plain number of base
 * units (bytes, cores). Undefined when it is not a quantity.
 */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const s = text.trim();
  if (s.length === 0) return undefined;
  // Strip the suffix letters; "1e3" keeps its exponent because it ends in a digit.
  let end = s.length;
  while (end > 0 && /[A-Za-z]/.test(s[end - 1])) end--;
  const suffix = s.slice(end);
  const number = s.slice(0, end);
  if (number.length === 0 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(number))
    return undefined;
  const multiplier = BINARY[suffix] ?? DECIMAL[suffix];
  if (multiplier === undefined) return undefined;
  return Number(number) * multiplier;
}

/** Memory quantity in MiB (the unit Lambda calls "MB"), or null. */
export function memoryMb(text: unknown): number | null {
  const bytes = parseQuantity(text);
  return bytes === undefined ? null : bytes / 2 ** 20;
}

/** CPU quantity in millicores, or null. */
export function cpuMillicores(text: unknown): number | null {
  const cores = parseQuantity(text);
  return cores === undefined ? null : Math.round(cores * 1000 * 1000) / 1000;
}
