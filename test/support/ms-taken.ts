/** How long `work` took, or Infinity once it has taken `capMs` (a stop that hangs still ends). */
export async function msTaken(work: Promise<unknown>, capMs: number): Promise<number> {
  const started = Date.now();
  let cap: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work.then(() => Date.now() - started),
      new Promise<number>((resolve) => (cap = setTimeout(() => resolve(Infinity), capMs))),
    ]);
  } finally {
    clearTimeout(cap);
  }
}
