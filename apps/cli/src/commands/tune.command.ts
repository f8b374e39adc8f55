import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import {
  MIN_PICK_SAMPLES,
  type ArchitectureComparison,
  type DurationTierUsed,
  type SizeResult,
  type TuningPartial,
  type TuningPick,
} from '@fleetscope/tuning';
import type { CommandRegistration } from '../cli.program';
import { apiRequest, endpointsFrom, type FleetscopeEndpoints } from '../fleetscope.client';
import { forTerminal } from '../terminal-text';

interface TuneOptions {
  url?: string;
  platform: string;
  memory?: number[] | { min: number; max: number };
  arch?: string[];
  invocations?: number;
  mode?: string;
  strategy?: string;
  balancedWeight?: number;
  payload?: unknown;
  payloadFile?: string;
  parallel?: boolean;
  discard?: number;
  onlyColdStarts?: boolean;
  sleep?: number;
  dryRun?: boolean;
  apply?: string;
  pollMs: number;
  json?: boolean;
}

/** The fields of GET /api/tuning-jobs/:id this command reads; the shapes are the tuning lib's. */
interface JobView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  invocationsUsed: number;
  results: SizeResult[];
  pick: TuningPick | null;
  /** A job stopped before its search ended (cancelled): what it measured, no pick. */
  partial?: TuningPartial | null;
  architectureComparison: ArchitectureComparison | null;
  /** unrecordedInvocations: calls made but never stored (their run stopped); not in usd. */
  jobCost: { invocations: number; usd: number; unrecordedInvocations?: number };
  prices: { catalogueVersion: string; durationTiers?: DurationTierUsed[] } | null;
  /** Why a job whose search ended has no pick; views that do not state it leave it out. */
  noPick?: string | null;
  request?: { dryRun?: boolean };
  /** Set while the job's restore keeps failing: the job is queued and Fleetscope retries it. */
  restorePending?: { attempts: number; nextAttemptAt: string } | null;
  error: string | null;
}

/** A job that ended without advice it was asked for: its search ran, but nothing was picked. */
function missingPick(job: JobView): boolean {
  return job.status === 'succeeded' && !job.pick && !job.partial && job.request?.dryRun !== true;
}

/**
 * What a Lambda job does to production, said before it starts: Lambda publishes versions only
 * from $LATEST, so each size is set on $LATEST while its version is published.
 */
export const LATEST_WINDOW =
  'Lambda: each size is set on the unqualified function ($LATEST) while its version is published, ' +
  'then put back: callers of the unqualified name or ARN run at that size for those few seconds ' +
  '(two configuration updates) per size, and per call with --only-cold-starts. Callers of an alias ' +
  'or a version are not affected.';

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be a whole number`);
    return n;
  };
}

/** Progress is asked for over HTTP: faster than this only loads the API, a job takes seconds. */
const MIN_POLL_MS = 100;

function atLeast(name: string, min: number) {
  const whole = positiveInt(name);
  return (value: string): number => {
    const n = whole(value);
    if (n < min) throw new InvalidArgumentError(`${name} must be at least ${min}`);
    return n;
  };
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('must be a number');
  return n;
}

/** `128,256,512` or `128-3008` (every 64 MB between, as Power Tuning's "ALL"). */
function memorySizes(value: string): number[] | { min: number; max: number } {
  const range = /^(\d+)-(\d+)$/.exec(value.trim());
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const sizes = value.split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new InvalidArgumentError('give sizes in MB as 128,256,512 or a range as 128-3008');
  return sizes;
}

function json(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new InvalidArgumentError('must be JSON');
  }
}

/** The request body; options left out take the server's defaults (Power Tuning's). */
function requestOf(fn: string, o: TuneOptions): Record<string, unknown> {
  let payloadFields: Record<string, unknown> = {};
  if (o.payloadFile) {
    // A file holding [{payload, weight}, …] gives weighted payloads; anything else one payload.
    // Not json(): an InvalidArgumentError outside option parsing exits without a word.
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(o.payloadFile, 'utf8')) as unknown;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new Error(`--payload-file ${o.payloadFile} is not JSON: ${error.message}`);
    }
    const weighted =
      Array.isArray(content) &&
      content.length > 0 &&
      content.every((p) => typeof p === 'object' && p !== null && 'weight' in p);
    payloadFields = weighted ? { weightedPayloads: content } : { payload: content };
  } else if (o.payload !== undefined) {
    payloadFields = { payload: o.payload };
  }
  const body: Record<string, unknown> = {
    platform: o.platform,
    function: fn,
    memorySizes: o.memory,
    architectures: o.arch,
    invocationsPerSize: o.invocations,
    mode: o.mode,
    strategy: o.strategy,
    balancedWeight: o.balancedWeight,
    parallelInvocation: o.parallel,
    discardTopBottom: o.discard,
    onlyColdStarts: o.onlyColdStarts,
    sleepBetweenRunsMs: o.sleep,
    dryRun: o.dryRun,
    applyPick: o.apply,
    ...payloadFields,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

const ms = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const usd = (v: number | null) => (v === null ? '—' : `$${v.toExponential(3)}`);

/** A size's error rate; jobs stored before it was stated have only the count. */
function errorsCell(r: SizeResult): string {
  const rate = r.errorRate as number | null | undefined;
  if (r.invocations === 0) return '—';
  return rate === undefined || rate === null ? String(r.errors) : `${Math.round(rate * 100)} %`;
}

/**
 * The result table. No maintained table library is among our dependencies, and padding a few
 * columns is all this needs.
 */
export function resultTable(job: JobView): string {
  const header = [
    'memory',
    'arch',
    'calls',
    'errors',
    'mean ms',
    'p50',
    'p90',
    'p99',
    'cost/invocation',
    'note',
  ];
  const rows = [...job.results]
    .sort((a, b) => a.architecture.localeCompare(b.architecture) || a.memoryMb - b.memoryMb)
    .map((r) => {
      const mark =
        job.status === 'succeeded' &&
        job.pick?.memoryMb === r.memoryMb &&
        job.pick.architecture === r.architecture;
      const note =
        r.feasible === false
          ? `infeasible: ${r.failure ?? ''}`
          : !r.measured
            ? r.costUsdPerInvocation === null
              ? `not run, feasibility unknown${r.note ? ` (${r.note})` : ''}`
              : 'not run (predicted, feasibility unknown)'
            : mark
              ? '← pick'
              : '';
      return [
        `${r.memoryMb} MB`,
        r.architecture,
        String(r.invocations),
        errorsCell(r),
        ms(r.meanMs),
        ms(r.p50Ms),
        ms(r.p90Ms),
        ms(r.p99Ms),
        usd(r.costUsdPerInvocation),
        note,
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function summary(job: JobView): string {
  const lines = [resultTable(job), ''];
  // Only a job whose search ended has a pick; a cancelled one says what it measured.
  if (job.partial) lines.push(`partial: ${job.partial.message}`);
  else if (job.pick && job.status === 'succeeded') {
    lines.push(`pick: ${job.pick.memoryMb} MB ${job.pick.architecture} — ${job.pick.reason}`);
    // Jobs stored before picks had a range have no `inconclusive`.
    if (job.pick.inconclusive === true)
      lines.push(
        'inconclusive: the pick may be no better than the current size; it was not applied',
      );
  } else if (missingPick(job))
    lines.push(
      `no pick: ${job.noPick ?? `no size was measured successfully at least ${MIN_PICK_SAMPLES} times`}`,
    );
  const c = job.architectureComparison;
  if (c)
    lines.push(
      `arm64 vs x86_64 at ${c.memoryMb} MB: ${(c.speedRatio * 100).toFixed(1)} % of the duration, ` +
        `${c.costDifferenceUsdPerInvocation >= 0 ? '+' : ''}$${c.costDifferenceUsdPerInvocation.toExponential(3)} per invocation`,
    );
  // Calls a stopped run made but never stored are counted, not priced (their duration was never
  // seen): the cost is then a lower bound, and must not be read as the whole bill.
  const unrecorded = job.jobCost.unrecordedInvocations ?? 0;
  lines.push(
    `job: ${job.jobCost.invocations} invocations, ${unrecorded > 0 ? '≥ ' : ''}$${job.jobCost.usd.toFixed(6)}` +
      (job.prices ? ` (prices ${job.prices.catalogueVersion})` : ''),
  );
  if (unrecorded > 0)
    lines.push(
      `unrecorded: ${unrecorded} more ${unrecorded === 1 ? 'call' : 'calls'} not in this cost ` +
        "(the job stopped during them; see the function's own logs)",
    );
  for (const t of job.prices?.durationTiers ?? [])
    lines.push(
      `priced at Lambda duration tier ${t.tier} (${t.architecture}, ${t.region}): ` +
        `${t.grouping === 'organization' ? 'the organization' : `account ${t.account}`} had used ` +
        `${Math.round(t.monthToDateGbSeconds).toLocaleString('en-US')} GB-s this month, ` +
        `$${t.usdPerGbSecond} per GB-s`,
    );
  if (job.error) lines.push(`error: ${job.error}`);
  return lines.join('\n');
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The shell's status for a command ended by Ctrl-C (128 + SIGINT). */
const INTERRUPTED_EXIT = 130;

/**
 * The job could not put the function back (its restore is pending): production may be at a size
 * it measured, which someone must know now rather than when Lambda recovers.
 */
export const RESTORE_PENDING_EXIT = 3;

/**
 * Ctrl-C while the command runs. The first cancels the job, so the function is back as it was when
 * the command returns; while Fleetscope is still creating the job (resolving the function can take
 * seconds) there is no id to cancel yet, so the cancel goes as soon as it answers with one. A second
 * Ctrl-C stops waiting (the cancel goes on). One handler from the request to the end: without one,
 * Ctrl-C would end the command and leave a job it never named running.
 */
class Interrupts {
  private id?: string;
  private requested = false;
  /** The job's restore was pending when last seen: a cancel gives it up rather than waiting. */
  private restorePending = false;
  private onStop = (): void => undefined;
  private readonly handler = (): void => this.interrupted();

  constructor(private readonly endpoints: FleetscopeEndpoints) {
    process.on('SIGINT', this.handler);
  }

  /** The job Fleetscope created: cancelled at once if a Ctrl-C came before. */
  created(id: string): void {
    this.id = id;
    if (this.requested) this.cancel(id);
  }

  /** The job as last polled. */
  seen(job: JobView): void {
    this.restorePending = Boolean(job.restorePending);
  }

  /** What to do before a second Ctrl-C exits (stop the progress bar). */
  beforeExit(stop: () => void): void {
    this.onStop = stop;
  }

  dispose(): void {
    process.off('SIGINT', this.handler);
  }

  private interrupted(): void {
    const id = this.id;
    if (this.requested) {
      this.onStop();
      process.stderr.write(
        id
          ? `\nnot waiting any longer: Fleetscope goes on cancelling job ${id} and restores the function ` +
              `(GET /api/tuning-jobs/${id} says when)\n`
          : '\nnot waiting any longer: if Fleetscope creates the job, it runs ' +
              '(GET /api/tuning-jobs lists it; DELETE /api/tuning-jobs/<id> cancels it)\n',
      );
      // The pending request would keep the process alive: leave at once, as Ctrl-C does.
      process.exit(INTERRUPTED_EXIT);
    }
    this.requested = true;
    process.stderr.write(
      !id
        ? '\ncancelling: the job is cancelled as soon as Fleetscope creates it… (Ctrl-C again to stop waiting)\n'
        : this.restorePending
          ? '\ncancelling: the job stops retrying its restore, and the function is left as it is for you ' +
            'to put back (the job says what to)… (Ctrl-C again to stop waiting)\n'
          : '\ncancelling: the job restores the function before it stops (a restore that fails is ' +
            'said, with what to put back)… (Ctrl-C again to stop waiting)\n',
    );
    if (id) this.cancel(id);
  }

  private cancel(id: string): void {
    apiRequest(this.endpoints, 'DELETE', `/api/tuning-jobs/${id}`).catch((error: unknown) => {
      // Not cancelled: the job runs on, and the command follows it to its end.
      process.stderr.write(
        `cancelling failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    });
  }
}

/**
 * Polls the job until it ends, or until its restore is pending (it is then queued, Fleetscope
 * retrying the restore for as long as it takes: waiting would hide that production may be at a
 * measured size). Interrupts says what Ctrl-C does meanwhile.
 */
async function follow(
  endpoints: FleetscopeEndpoints,
  id: string,
  pollMs: number,
  interrupts: Interrupts,
): Promise<JobView> {
  const bar = new SingleBar(
    {
      format: 'tuning {bar} {percentage}% | {invocations} invocations | {status}',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(100, 0, { invocations: 0, status: 'queued' });
  interrupts.beforeExit(() => bar.stop());
  try {
    for (;;) {
      const job = await apiRequest<JobView>(endpoints, 'GET', `/api/tuning-jobs/${id}`);
      bar.update(Math.round(job.progress * 100), {
        invocations: job.invocationsUsed,
        status: job.status,
      });
      interrupts.seen(job);
      if (job.status === 'succeeded' || job.status === 'failed' || job.restorePending) return job;
      await sleep(pollMs);
    }
  } finally {
    bar.stop();
  }
}

export const registerTune: CommandRegistration = (program: Command) => {
  program
    .command('tune')
    .description(
      'Measure a function at several memory sizes (and architectures) and print the cheapest, fastest or balanced one. ' +
        LATEST_WINDOW,
    )
    .argument(
      '<function>',
      'Lambda name or ARN, OpenFaaS name.namespace, Knative namespace/service, or a Fleetscope function id',
    )
    .option('--url <url>', 'Fleetscope API (default FLEETSCOPE_URL or http://127.0.0.1:8080)')
    .option('--platform <platform>', 'aws-lambda, openfaas or knative', 'aws-lambda')
    .option('--memory <sizes>', 'sizes in MB: 128,256,512 or a range 128-3008', memorySizes)
    .option('--arch <archs>', 'x86_64, arm64 or x86_64,arm64 to compare', (v) => v.split(','))
    .option(
      '--invocations <n>',
      'invocations per size of the grid (default 50)',
      positiveInt('--invocations'),
    )
    .option('--mode <mode>', 'adaptive (default) or grid')
    .option('--strategy <strategy>', 'cost (default), speed or balanced')
    .option('--balanced-weight <w>', 'weight of cost in balanced, 0–1 (default 0.5)', share)
    .option('--payload <json>', 'the event to send', json)
    .option(
      '--payload-file <path>',
      'a JSON event, or [{payload, weight}, …] for weighted payloads',
    )
    .option('--parallel', 'run a size’s invocations at once')
    .option(
      '--discard <share>',
      'share of the slowest and fastest dropped, 0–0.4 (default 0.2)',
      share,
    )
    .option('--only-cold-starts', 'measure cold starts only (Lambda)')
    .option('--sleep <ms>', 'pause between invocations', positiveInt('--sleep'))
    .option('--dry-run', 'one invocation per size, nothing picked')
    .option('--apply <where>', "set the pick: 'function' or 'alias:NAME'")
    .option(
      '--poll-ms <ms>',
      `how often to ask for progress (at least ${MIN_POLL_MS})`,
      atLeast('--poll-ms', MIN_POLL_MS),
      500,
    )
    .option('--json', 'print the finished job as JSON instead of the table')
    .action(async (fn: string, options: TuneOptions) => {
      const endpoints = endpointsFrom(options);
      const body = requestOf(fn, options);
      const interrupts = new Interrupts(endpoints);
      try {
        const { id } = await apiRequest<{ id: string }>(
          endpoints,
          'POST',
          '/api/tuning-jobs',
          body,
        );
        process.stderr.write(`tuning job ${id}\n`);
        if (options.platform === 'aws-lambda') process.stderr.write(`note: ${LATEST_WINDOW}\n`);
        interrupts.created(id);
        const job = await follow(endpoints, id, options.pollMs, interrupts);
        if (job.restorePending) {
          // Its error names the function's own size, to put back by hand if need be.
          process.stderr.write(
            `${forTerminal(job.error ?? 'restore pending')}\nFleetscope goes on retrying the ` +
              `restore (GET /api/tuning-jobs/${id} follows it; DELETE /api/tuning-jobs/${id} ` +
              'gives it up)\n',
          );
          if (options.json) process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
          process.exitCode = RESTORE_PENDING_EXIT;
          return;
        }
        process.stdout.write(
          `${options.json ? JSON.stringify(job, null, 2) : forTerminal(summary(job))}\n`,
        );
        // A job that ran but gave no pick did not do what was asked: scripts must not read it as advice.
        if (job.status !== 'succeeded' || missingPick(job)) process.exitCode = 1;
      } finally {
        interrupts.dispose();
      }
    });
};
