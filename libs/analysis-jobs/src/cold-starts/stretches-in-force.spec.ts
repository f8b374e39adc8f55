import type { RecordedRuntime } from '@fleetscope/storage';
import { settingsTimelines } from '../reports/weekly-report.inputs';
import { runtimeTimelines, stretchesInForce } from './stretches-in-force';

const A = 'aws_lambda~1~us-east-1~a';
const B = 'aws_lambda~1~us-east-1~b';
const HOUR_MS = 3_600_000;
const RANGE = { fromMs: 100 * HOUR_MS, toMs: 200 * HOUR_MS };

describe(stretchesInForce.name, () => {
  const timelines = settingsTimelines(
    [
      { functionId: A, setting: 'architecture', observedAtMs: 0, source: 'api', value: 'x86_64' },
      { functionId: A, setting: 'memory_mb', observedAtMs: 0, source: 'api', value: '1024' },
      {
        functionId: A,
        setting: 'architecture',
        observedAtMs: 150 * HOUR_MS,
        source: 'records',
        value: 'arm64',
      },
    ],
    RANGE,
  );

  it("cuts a function's range where its settings changed, as the weekly report does", () => {
    const { splits, inForce } = stretchesInForce(timelines, new Map(), RANGE);
    expect(splits).toEqual(new Map([[A, [150 * HOUR_MS]]]));
    expect(inForce.get(A)).toEqual([
      { architecture: 'x86_64', memoryMb: 1024, runtime: null },
      { architecture: 'arm64', memoryMb: 1024, runtime: null },
    ]);
  });

  it('does not cut where only provisioned concurrency changed: nothing a cold start is grouped or priced by changes there', () => {
    const pcOnly = settingsTimelines(
      [
        { functionId: B, setting: 'architecture', observedAtMs: 0, source: 'api', value: 'x86_64' },
        {
          functionId: B,
          setting: 'provisioned_concurrency',
          observedAtMs: 0,
          source: 'api',
          value: '0',
        },
        {
          functionId: B,
          setting: 'provisioned_concurrency',
          observedAtMs: 120 * HOUR_MS,
          source: 'api',
          value: '5',
        },
      ],
      RANGE,
    );
    expect(pcOnly.get(B)).toHaveLength(2);
    const { splits, inForce } = stretchesInForce(pcOnly, new Map(), RANGE);
    expect(splits.has(B)).toBe(false);
    expect(inForce.get(B)).toEqual([{ architecture: 'x86_64', memoryMb: null, runtime: null }]);
  });

  it('cuts where the memory size changed only for the functions with rows that carry none', () => {
    const memory = settingsTimelines(
      [
        { functionId: B, setting: 'memory_mb', observedAtMs: 0, source: 'api', value: '512' },
        {
          functionId: B,
          setting: 'memory_mb',
          observedAtMs: 130 * HOUR_MS,
          source: 'api',
          value: '1024',
        },
      ],
      RANGE,
    );
    expect(stretchesInForce(memory, new Map(), RANGE).splits.get(B)).toEqual([130 * HOUR_MS]);
    expect(stretchesInForce(memory, new Map(), RANGE, new Set([B])).splits.get(B)).toEqual([
      130 * HOUR_MS,
    ]);
    const whole = stretchesInForce(memory, new Map(), RANGE, new Set());
    expect(whole.splits.has(B)).toBe(false);
    expect(whole.inForce.get(B)).toEqual([{ architecture: null, memoryMb: 512, runtime: null }]);
  });

  it('cuts where the runtime the records named changed, and not where it was named again', () => {
    const runtimes = new Map([
      [
        A,
        [
          { observedAtMs: 90 * HOUR_MS, runtime: 'nodejs20.x' },
          { observedAtMs: 120 * HOUR_MS, runtime: 'nodejs20.x' },
          { observedAtMs: 160 * HOUR_MS, runtime: 'nodejs22.x' },
          { observedAtMs: 250 * HOUR_MS, runtime: 'nodejs24.x' },
        ],
      ],
      [B, [{ observedAtMs: 130 * HOUR_MS, runtime: 'python3.13' }]],
    ]);
    const { splits, inForce } = stretchesInForce(timelines, runtimes, RANGE);
    expect(splits.get(A)).toEqual([150 * HOUR_MS, 160 * HOUR_MS]);
    expect(inForce.get(A)!.map((s) => [s.architecture, s.runtime])).toEqual([
      ['x86_64', 'nodejs20.x'],
      ['arm64', 'nodejs20.x'],
      ['arm64', 'nodejs22.x'],
    ]);
    // Before the records first name one, the runtime they named first: no cut there.
    expect(splits.has(B)).toBe(false);
    expect(inForce.get(B)).toEqual([{ architecture: null, memoryMb: null, runtime: 'python3.13' }]);
  });
});

describe(runtimeTimelines.name, () => {
  const named = (functionId: string, fromSpans: boolean, ms: number, runtime: string) =>
    ({ functionId, fromSpans, observedAtMs: ms, runtime }) satisfies RecordedRuntime;

  it("takes a function's platform records over its spans, whose words differ", () => {
    const timelines = runtimeTimelines([
      named(A, true, 1, 'nodejs 22.11.0'),
      named(A, false, 2, 'nodejs22.x'),
      named(B, true, 3, 'cpython 3.12.1'),
    ]);
    expect(timelines.get(A)).toEqual([{ observedAtMs: 2, runtime: 'nodejs22.x' }]);
    expect(timelines.get(B)).toEqual([{ observedAtMs: 3, runtime: 'cpython 3.12.1' }]);
  });
});
