import { Injectable } from '@nestjs/common';
import {
  idlePodCost,
  policyFor,
  replayPolicy,
  settablePolicy,
  type KeepAlivePolicy,
  type PolicySpec,
} from '@fleetscope/analysis';
import { parseFunctionId } from '@fleetscope/model';
import { PricingService } from '@fleetscope/pricing';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  type FunctionConfig,
  type TimeRange,
} from '@fleetscope/storage';

export interface PolicyReplay {
  /**
   * The policy replayed: as the function's platform can be set to it (Knative, OpenFaaS: the
   * retention period alone, no pre-warm, Knative at most 60 minutes), else as asked.
   */
  policy: KeepAlivePolicy;
  /**
   * true: the platform can be set to `policy`; false: no setting runs it (Lambda: no keep-alive
   * setting, no pre-warm); null: no setting modelled for the platform (Azure, GCP, other).
   */
  settable: boolean | null;
  /** Why `policy` is not the one asked for, or why it cannot be set; absent when neither. */
  note?: string;
  coldStarts: number;
  idleMinutes: number;
  /**
   * Idle minutes × the memory the instance had (each idle period at the memory of the minute it
   * follows); null when the function's memory size is unknown.
   */
  wastedGbSeconds: number | null;
  /**
   * What the idle time costs the user: a Knative or OpenFaaS pod at its CPU and memory requests
   * (memory alone when its CPU is unknown); null where idle instances are not billed (Lambda,
   * Azure Functions, Cloud Functions) or the pod's size is unknown.
   */
  wastedUsd: number | null;
}

export interface FunctionReplay {
  id: string;
  /** The pod's memory request, else the inventory's memory, else the largest seen in the range. */
  memoryMb: number | null;
  activeMinutes: number;
  results: Record<string, PolicyReplay>;
}

export interface KeepAliveReplayReport {
  policies: string[];
  functions: FunctionReplay[];
  /**
   * Per policy. `wastedGbSeconds` sums the functions whose memory size is known, `functions` of
   * them: null when there are functions and none is known (a sum of none is not 0 GB-s of
   * theirs). `wastedUsd` sums the functions whose idle time is billed, null when none is (the CLI
   * and the "What if" panel print it as it is).
   */
  totals: Record<
    string,
    {
      coldStarts: number;
      wastedGbSeconds: number | null;
      wastedUsd: number | null;
      /** The functions whose memory-time `wastedGbSeconds` sums. */
      functions: number;
    }
  >;
  /** The results' notes, each once, with the policies and the number of functions it concerns. */
  notes: ReplayNote[];
}

export interface ReplayNote {
  /**
   * The note's mark, numbered in the order of `notes`: `*1` where the figures are of a policy
   * other than asked, `†2` where no setting gives them, `?3` where no setting is modelled. A
   * result's figures carry the mark of its note.
   */
  mark: string;
  /** The policies whose results carry it, each with the number of functions. */
  policies: { policy: string; functions: number }[];
  note: string;
}

/** The results' notes, grouped: one per text, in the order first met. */
function replayNotes(
  policies: readonly string[],
  functions: readonly FunctionReplay[],
): ReplayNote[] {
  const byNote = new Map<string, { symbol: string; byPolicy: Map<string, number> }>();
  for (const f of functions) {
    for (const p of policies) {
      const r = f.results[p];
      if (!r.note) continue;
      const entry = byNote.get(r.note) ?? {
        symbol: r.settable === false ? '†' : r.settable === null ? '?' : '*',
        byPolicy: new Map<string, number>(),
      };
      entry.byPolicy.set(p, (entry.byPolicy.get(p) ?? 0) + 1);
      byNote.set(r.note, entry);
    }
  }
  return [...byNote].map(([note, e], i) => ({
    mark: `${e.symbol}${i + 1}`,
    policies: [...e.byPolicy].map(([policy, count]) => ({ policy, functions: count })),
    note,
  }));
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * GET /api/keepalive/replay: each policy replayed over every function's stored minutes in the
 * range, as one instance per function, as the function's platform can be set to it
 * (`settablePolicy`, docs/keep-alive.md). Totals leave out the memory-time of
 * functions whose memory size is unknown and say how many functions they cover.
 */
@Injectable()
export class KeepAliveReplayService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
    private readonly pricing: PricingService,
  ) {}

  async replay(
    range: TimeRange,
    policies: { name: string; spec: PolicySpec }[],
  ): Promise<KeepAliveReplayReport> {
    const rows = await this.functions.activeMinutes(range);
    const configs =
      rows.length > 0
        ? await this.configs.merged(rows.map((r) => r.functionId))
        : new Map<string, FunctionConfig>();
    // Idle memory-time after a function's last invocation counts up to the range's end only.
    const endMinute = Math.ceil(range.toMs / 60_000);
    const totals: KeepAliveReplayReport['totals'] = {};
    for (const { name } of policies)
      totals[name] = { coldStarts: 0, wastedGbSeconds: 0, wastedUsd: null, functions: 0 };
    const at = new Date(range.toMs);
    const functions = rows.map((row): FunctionReplay => {
      const config = configs.get(row.functionId);
      const memoryMb =
        config?.podMemoryMb ?? config?.memoryMb ?? (row.memoryMb > 0 ? row.memoryMb : null);
      // A pod holds its request whatever the records said; otherwise each minute's own size, as a
      // function resized in the range held its old size before the change.
      const memories =
        memoryMb === null
          ? undefined
          : row.memories.map((mb) => config?.podMemoryMb ?? (mb > 0 ? mb : memoryMb));
      const identity = parseFunctionId(row.functionId);
      const platform = config?.platform || identity?.platform;
      // Only a retained pod is billed to the user while idle (docs/keep-alive.md).
      const pod =
        (platform === 'knative' || platform === 'openfaas') && memoryMb !== null
          ? {
              podCpu: config?.podCpu,
              podMemoryMb: config?.podMemoryMb,
              memoryMb,
              region: config?.region || identity?.region || '',
            }
          : null;
      const results: Record<string, PolicyReplay> = {};
      for (const { name, spec } of policies) {
        // What the platform can be set to: a Knative pod is never pre-warmed nor kept 2 hours.
        const { policy, settable, note } = settablePolicy(platform, policyFor(spec, row.minutes));
        const r = replayPolicy(row.minutes, policy, endMinute, memories);
        const wasted = r.idleMbMinutes === undefined ? null : round((r.idleMbMinutes * 60) / 1024);
        results[name] = {
          policy,
          settable,
          ...(note !== undefined && { note }),
          coldStarts: r.coldStarts,
          idleMinutes: r.idleMinutes,
          wastedGbSeconds: wasted,
          wastedUsd:
            pod === null ? null : round6(idlePodCost(pod, r.idleMinutes, this.pricing, at).usd),
        };
        const usd = results[name].wastedUsd;
        if (usd !== null) totals[name].wastedUsd = round6((totals[name].wastedUsd ?? 0) + usd);
        totals[name].coldStarts += r.coldStarts;
        if (wasted !== null) {
          totals[name].wastedGbSeconds = round((totals[name].wastedGbSeconds ?? 0) + wasted);
          totals[name].functions++;
        }
      }
      return { id: row.functionId, memoryMb, activeMinutes: row.minutes.length, results };
    });
    for (const total of Object.values(totals))
      if (functions.length > 0 && total.functions === 0) total.wastedGbSeconds = null;
    const names = policies.map((p) => p.name);
    return { policies: names, functions, totals, notes: replayNotes(names, functions) };
  }
}
