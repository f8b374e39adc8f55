import type { Command } from 'commander';
import { demoSuffix } from '@fleetscope/reports';
import type { CommandRegistration } from '../cli.program';
import { apiRequest, endpointsFrom } from '../fleetscope.client';
import { forTerminal } from '../terminal-text';

interface PolicyResult {
  coldStarts: number;
  idleMinutes: number;
  wastedGbSeconds: number | null;
  /** Idle Knative/OpenFaaS pods at their requests; null where idle instances are not billed. */
  wastedUsd: number | null;
  policy: { kind: string; prewarmMinutes: number; keepAliveMinutes: number };
  /** false: no setting of the platform gives the policy (Lambda); null: none modelled. */
  settable?: boolean | null;
  /** Why the policy replayed is not the one asked for, or cannot be set. */
  note?: string;
}

export interface ReplayReport {
  from: string;
  to: string;
  policies: string[];
  functions: {
    id: string;
    memoryMb: number | null;
    activeMinutes: number;
    results: Record<string, PolicyResult>;
  }[];
  totals: Record<
    string,
    {
      coldStarts: number;
      wastedGbSeconds: number | null;
      wastedUsd: number | null;
      functions: number;
    }
  >;
  /** The results' notes, grouped by the server: one per text, with its mark (`*1`, `†2`, `?3`). */
  notes: { mark: string; policies: { policy: string; functions: number }[]; note: string }[];
  /** True when the store holds the demo fleet (`npm run demo`). */
  demo?: true;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Fixed-width columns: the first left-aligned, the rest right-aligned. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    )
    .join('\n');
}

/** After a figure with a note, that note's mark (`*1` replayed otherwise than asked, `†2` no setting gives it, `?3` none modelled). */
const noteMark = (report: ReplayReport, r: PolicyResult) =>
  r.note ? ` ${report.notes.find((n) => n.note === r.note)?.mark ?? '*'}` : '';

/** One line per note: the policies and the number of functions it concerns, and what it says. */
export function replayNotes(report: ReplayReport): string[] {
  return report.notes.map(
    (n) =>
      `${n.mark} ${n.policies.map((p) => `${p.policy}: ${p.functions} function${p.functions === 1 ? '' : 's'}`).join(', ')}. ${n.note}`,
  );
}

export function replayTable(report: ReplayReport): string {
  const header = ['function'];
  for (const p of report.policies) header.push(`${p} cold`, `${p} GB-s`, `${p} $`);
  const rows = [header];
  const gbs = (v: number | null) => (v === null ? '?' : v.toFixed(1));
  // Idle time is billed only for pods: '-' where the platform does not bill it.
  const usd = (v: number | null) => (v === null ? '-' : v.toFixed(4));
  for (const f of report.functions) {
    const row = [f.id];
    for (const p of report.policies) {
      const r = f.results[p];
      row.push(`${r.coldStarts}${noteMark(report, r)}`, gbs(r.wastedGbSeconds), usd(r.wastedUsd));
    }
    rows.push(row);
  }
  const total = ['total'];
  for (const p of report.policies) {
    total.push(
      String(report.totals[p].coldStarts),
      gbs(report.totals[p].wastedGbSeconds),
      usd(report.totals[p].wastedUsd),
    );
  }
  rows.push(total);
  return formatTable(rows);
}

export const replayCommand: CommandRegistration = (program: Command) => {
  program
    .command('replay')
    .description(
      'Replay keep-alive policies over stored data: cold starts and wasted memory-time per function and in total',
    )
    .option(
      '--policy <policy>',
      'fixed:10m, fixed:90s, fixed:2h or hybrid, a fixed one at least 1m (the replay works on minutes); repeat for several (default: fixed:10m and hybrid)',
      collect,
    )
    .option('--from <time>', 'ISO-8601 or epoch ms (default: 24 hours before --to)')
    .option('--to <time>', 'ISO-8601 or epoch ms (default: now)')
    .option('--json', 'print the API answer as JSON')
    .option('--url <url>', 'Fleetscope API (default FLEETSCOPE_URL or http://127.0.0.1:8080)')
    .action(
      async (opts: {
        policy?: string[];
        from?: string;
        to?: string;
        json?: boolean;
        url?: string;
      }) => {
        const query = new URLSearchParams();
        for (const p of opts.policy ?? ['fixed:10m', 'hybrid']) {
          query.append('policy', p);
        }
        if (opts.from) query.set('from', opts.from);
        if (opts.to) query.set('to', opts.to);
        const report = await apiRequest<ReplayReport>(
          endpointsFrom(opts),
          'GET',
          `/api/keepalive/replay?${query.toString()}`,
        );
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(report, null, 2)}\n`
            : forTerminal(
                `keep-alive replay ${report.from} – ${report.to}, ${report.functions.length} functions${demoSuffix(report)}\n${replayTable(report)}\n${replayNotes(
                  report,
                )
                  .map((line) => `${line}\n`)
                  .join('')}`,
              ),
        );
      },
    );
};
