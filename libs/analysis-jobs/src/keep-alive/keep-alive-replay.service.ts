import { Injectable } from '@nestjs/common';
import {
  policyFor,
  replayPolicy,
  type KeepAlivePolicy,
  type PolicySpec,
} from '@fleetscope/analysis';
import {
  FunctionConfigRepository,
  FunctionsRepository,
  type FunctionConfig,
  type TimeRange,
} from '@fleetscope/storage';

export interface PolicyReplay {
  policy: KeepAlivePolicy;
  coldStarts: number;
  idleMinutes: number;
  /**
   * Idle minutes × the memory the instance had (each idle period at the memory of the minute it
   * follows); null when the function's memory size is unknown.
   */
  wastedGbSeconds: number | null;
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
  totals: Record<string, { coldStarts: number; wastedGbSeconds: number; functions: number }>;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * GET /api/keepalive/replay: each policy replayed over every function's stored minutes in the
 * range, as one instance per function (docs/keep-alive.md). Totals leave out the memory-time of
 * functions whose memory size is unknown and say how many functions they cover.
 */
@Injectable()
export class KeepAliveReplayService {
  constructor(
    private readonly functions: FunctionsRepository,
    private readonly configs: FunctionConfigRepository,
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
      totals[name] = { coldStarts: 0, wastedGbSeconds: 0, functions: 0 };
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
      const results: Record<string, PolicyReplay> = {};
      for (const { name, spec } of policies) {
        const policy = policyFor(spec, row.minutes);
        const r = replayPolicy(row.minutes, policy, endMinute, memories);
        const wasted = r.idleMbMinutes === undefined ? null : round((r.idleMbMinutes * 60) / 1024);
        results[name] = {
          policy,
          coldStarts: r.coldStarts,
          idleMinutes: r.idleMinutes,
          wastedGbSeconds: wasted,
        };
        totals[name].coldStarts += r.coldStarts;
        if (wasted !== null) {
          totals[name].wastedGbSeconds = round(totals[name].wastedGbSeconds + wasted);
          totals[name].functions++;
        }
      }
      return { id: row.functionId, memoryMb, activeMinutes: row.minutes.length, results };
    });
    return { policies: policies.map((p) => p.name), functions, totals };
  }
}
