import type { SettingsSegment } from '@fleetscope/reports';
import type { RecordedRuntime } from '@fleetscope/storage';
import { priceCuts, type SettingsTimelines } from '../reports/weekly-report.inputs';

/**
 * What was in force over one stretch of a function's stored rows; null where nothing stored says,
 * and the inventory's current setting stands in (as in the weekly report).
 */
export interface StretchInForce {
  /** From the settings history (settingsTimeline). */
  architecture: string | null;
  /** From the settings history: the size of the time no record gave one for. */
  memoryMb: number | null;
  /**
   * From the records of the function's sandbox starts up to the range's end (runtimeChanges()):
   * neither the aggregate rows nor the settings history keep a runtime.
   */
  runtime: string | null;
}

/** Where each function's rows are cut, and what was in force over each stretch between the cuts. */
export interface StretchesInForce {
  /**
   * Per function whose settings changed inside the range, the times of the changes, ascending:
   * the SettingsSplits its rows are read per stretch by, each row in the stretch in force at its
   * end.
   */
  splits: Map<string, number[]>;
  /** Per function, what was in force over each stretch (one more than its splits). */
  inForce: Map<string, StretchInForce[]>;
}

/** A runtime the records named, from when. */
export interface RuntimeObservation {
  observedAtMs: number;
  runtime: string;
}

/**
 * Per function, the runtimes its records named in time order: those of its platform's records
 * (Lambda's runtime ids) when they name any, else its spans'. Spans say `nodejs 22.11.0` where
 * Lambda says `nodejs22.x`: taken together they would change at every sandbox start.
 */
export function runtimeTimelines(
  changes: readonly RecordedRuntime[],
): Map<string, RuntimeObservation[]> {
  const platform = new Map<string, RuntimeObservation[]>();
  const spans = new Map<string, RuntimeObservation[]>();
  for (const c of changes) {
    const byFunction = c.fromSpans ? spans : platform;
    const list = byFunction.get(c.functionId) ?? [];
    list.push({ observedAtMs: c.observedAtMs, runtime: c.runtime });
    byFunction.set(c.functionId, list);
  }
  for (const [id, list] of spans) if (!platform.has(id)) platform.set(id, list);
  for (const list of platform.values()) list.sort((a, b) => a.observedAtMs - b.observedAtMs);
  return platform;
}

/** The runtime named last at or before `ms`; before the first, the first (null: none). */
function runtimeAt(observed: readonly RuntimeObservation[], ms: number): string | null {
  let runtime = observed[0]?.runtime ?? null;
  for (const o of observed) {
    if (o.observedAtMs > ms) break;
    runtime = o.runtime;
  }
  return runtime;
}

const NOTHING: Omit<SettingsSegment, 'fromMs' | 'toMs'> = {
  architecture: null,
  memoryMb: null,
  provisionedConcurrency: null,
};

/**
 * Each function's stretches over a range by the weekly report's rule: its settings timeline
 * (settingsTimelines: a setting is in force from its observation until the next one, the value
 * first observed before that) cut, where `runtimes` are given, where the runtime its records named
 * changed too (by the same rule: the runtime first named before the first record names one). A
 * function neither names is not listed: the inventory's settings stand for all of its range. With
 * `unknownMemory`, only its functions are cut where the memory size changed (a stretch's memory
 * size stands only for rows that carry none).
 */
export function stretchesInForce(
  timelines: SettingsTimelines,
  runtimes: ReadonlyMap<string, readonly RuntimeObservation[]>,
  range: { fromMs: number; toMs: number },
  unknownMemory?: ReadonlySet<string>,
): StretchesInForce {
  const splits = new Map<string, number[]>();
  const inForce = new Map<string, StretchInForce[]>();
  for (const id of new Set([...timelines.keys(), ...runtimes.keys()])) {
    const segments = timelines.get(id) ?? [];
    const observed = runtimes.get(id) ?? [];
    // A cut reads its function's rows apart; the memory size in force stands only for rows that
    // carry none (priceCuts).
    const cuts = new Set(priceCuts(segments, !unknownMemory || unknownMemory.has(id)));
    let runtime = observed[0]?.runtime ?? null;
    for (const o of observed) {
      if (o.observedAtMs >= range.toMs) break;
      if (o.observedAtMs > range.fromMs && o.runtime !== runtime) cuts.add(o.observedAtMs);
      runtime = o.runtime;
    }
    const at = [...cuts].sort((a, b) => a - b);
    if (at.length > 0) splits.set(id, at);
    inForce.set(
      id,
      [range.fromMs, ...at].map((start) => {
        const settings = segments.find((s) => s.fromMs <= start && start < s.toMs) ?? NOTHING;
        return {
          architecture: settings.architecture,
          memoryMb: settings.memoryMb,
          runtime: runtimeAt(observed, start),
        };
      }),
    );
  }
  return { splits, inForce };
}
