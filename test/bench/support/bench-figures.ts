/** Small helpers to measure and print benchmark figures. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

export const mib = (bytes: number): string => `${fmt(bytes / 1048576, 1)} MiB`;

export interface Throughput {
  items: number;
  seconds: number;
  /** Process CPU seconds (all threads: GC helpers included) over wall seconds. */
  cpuPerWall: number;
  /**
   * The per-core figure: items per wall second over the whole run, GC included. Valid when
   * cpuPerWall is about 1; below that other processes took the core and it is understated.
   */
  perSecond: number;
  /**
   * Items per second from the median step time: steps that were preempted or hit a GC pause are
   * left out, so this is an upper bound, and its distance from perSecond shows the GC share.
   */
  medianStep: number;
}

/**
 * Runs `step` (which returns how many items it handled) for about `seconds` on this thread, after
 * a warm-up: single-threaded code, so one core.
 */
export function throughput(
  seconds: number,
  step: (i: number) => number,
  warmupSeconds = 0.5,
): Throughput {
  const run = (limit: number): Throughput => {
    let items = 0;
    let i = 0;
    const perItem: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const end = t0 + limit * 1000;
    for (let now = t0; now < end;) {
      const n = step(i++);
      const after = performance.now();
      if (n > 0) perItem.push((after - now) / n);
      items += n;
      now = after;
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      items,
      seconds: wall,
      cpuPerWall: (cpu.user + cpu.system) / 1e6 / wall,
      perSecond: items / wall,
      medianStep: 1000 / percentile(perItem, 50),
    };
  };
  if (warmupSeconds > 0) run(warmupSeconds);
  return run(seconds);
}

/** A per-core figure for the summary, flagged when the run was preempted (CPU/wall below 0.9). */
export function coreFigure(t: Throughput): string {
  return `${fmt(t.perSecond)}${t.cpuPerWall < 0.9 ? ` (preempted: CPU/wall ${fmt(t.cpuPerWall, 2)})` : ''}`;
}

export type Verdict = 'ok' | 'MISSED' | 'info';

export interface Figure {
  name: string;
  value: string;
  target: string;
  verdict: Verdict;
}

/** Collects the headline figures and prints them as one aligned table at the end. */
export class FigureTable {
  private readonly figures: Figure[] = [];

  add(name: string, value: string, target = '', verdict: Verdict = 'info'): void {
    this.figures.push({ name, value, target, verdict });
  }

  /** A figure checked against a bound: `atLeast` (true) or at most (false). */
  check(
    name: string,
    actual: number,
    bound: number,
    atLeast: boolean,
    value: string,
    target: string,
  ): void {
    const ok = Number.isFinite(actual) && (atLeast ? actual >= bound : actual <= bound);
    this.add(name, value, target, ok ? 'ok' : 'MISSED');
  }

  print(title: string): void {
    const w = [0, 0, 0];
    for (const f of this.figures) {
      w[0] = Math.max(w[0], f.name.length);
      w[1] = Math.max(w[1], f.value.length);
      w[2] = Math.max(w[2], f.target.length);
    }
    console.log(`\n=== ${title} ===`);
    for (const f of this.figures) {
      const verdict = f.verdict === 'info' ? '' : f.verdict;
      console.log(
        `${f.name.padEnd(w[0])}  ${f.value.padStart(w[1])}  ${f.target.padEnd(w[2])}  ${verdict}`.trimEnd(),
      );
    }
  }
}

/** Environment overrides for the benchmark knobs (BENCH_<NAME>). */
export function knob(name: string, fallback: number): number {
  const raw = process.env[`BENCH_${name}`];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
