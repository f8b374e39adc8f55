import { functionId, type FunctionIdentity } from '@fleetscope/model';
import type { IngestResult } from '../../common/ingest-result';
import { LambdaLogStreamAssemblerPool, lambdaStreamKey } from '../log-stream-assembler.pool';
import { SandboxInitGate, type SandboxInitWaitOutcome } from './sandbox-init.gate';
import { parseTelemetryBatch } from './telemetry-batch.parser';

const identity: FunctionIdentity = {
  platform: 'aws_lambda',
  account: '123456789012',
  region: 'eu-west-1',
  name: 'orders',
};
const T = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const initBatch = Buffer.from(
  JSON.stringify([
    {
      time: iso(T),
      type: 'platform.initStart',
      record: {
        initializationType: 'on-demand',
        phase: 'init',
        runtimeVersion: 'nodejs:22.v41',
        functionName: 'orders',
        functionVersion: '31',
      },
    },
    {
      time: iso(T + 250),
      type: 'platform.initReport',
      record: {
        initializationType: 'on-demand',
        phase: 'init',
        status: 'success',
        metrics: { durationMs: 250.4 },
      },
    },
  ]),
);

/** One invocation whose platform.start names no version and whose report no init duration. */
const invocationBatch = (requestId: string, atMs: number): Buffer =>
  Buffer.from(
    JSON.stringify([
      { time: iso(atMs), type: 'platform.start', record: { requestId } },
      {
        time: iso(atMs + 40),
        type: 'platform.report',
        record: {
          requestId,
          status: 'success',
          metrics: {
            durationMs: 39.2,
            billedDurationMs: 40,
            memorySizeMB: 512,
            maxMemoryUsedMB: 90,
          },
        },
      },
    ]),
  );

/** What the collector's route does: wait at the gate if told to, then parse through the pool. */
async function deliver(
  gate: SandboxInitGate,
  pool: LambdaLogStreamAssemblerPool,
  body: Buffer,
  instance: string,
  log: string[],
  name: string,
): Promise<{ outcome: SandboxInitWaitOutcome | undefined; result: IngestResult }> {
  const waiting = gate.wait(body, { identity, instance });
  const outcome = waiting ? await waiting : undefined;
  log.push(name);
  return { outcome, result: parseTelemetryBatch(body, { identity, instance, pool }) };
}

describe(SandboxInitGate.name, () => {
  it("holds a sandbox's invocations that came before its platform.initStart until it is parsed, so they carry its version, runtime and cold start", async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000 });
    const order: string[] = [];
    const late = deliver(gate, pool, invocationBatch('r1', T + 260), 'i-1', order, 'report');
    expect(gate.holding).toBeGreaterThan(0);
    const init = await deliver(gate, pool, initBatch, 'i-1', order, 'init');
    const report = await late;

    expect(order).toEqual(['init', 'report']);
    expect(init.outcome).toBeUndefined();
    expect(report.outcome).toBe('released');
    expect(gate.holding).toBe(0);
    expect(report.result.invocations).toEqual([
      expect.objectContaining({
        requestId: 'r1',
        version: '31',
        runtime: 'nodejs22.x',
        coldStart: true,
        initType: 'on-demand',
        initDurationMs: 250.4,
        instance: 'i-1',
      }),
    ]);
  });

  it('lets the held batches of a sandbox go in the order they came', async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000 });
    const order: string[] = [];
    const first = deliver(gate, pool, invocationBatch('r1', T + 260), 'i-1', order, 'r1');
    const second = deliver(gate, pool, invocationBatch('r2', T + 900), 'i-1', order, 'r2');
    await deliver(gate, pool, initBatch, 'i-1', order, 'init');
    const [a, b] = await Promise.all([first, second]);
    expect(order).toEqual(['init', 'r1', 'r2']);
    expect([...a.result.invocations, ...b.result.invocations]).toEqual([
      expect.objectContaining({ requestId: 'r1', version: '31', coldStart: true }),
      expect.objectContaining({ requestId: 'r2', version: '31', coldStart: false }),
    ]);
  });

  it('lets every held batch of a sandbox go once the first has waited maxWaitMs, and holds none of it after', async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 30 });
    const order: string[] = [];
    const started = performance.now();
    const held = await Promise.all([
      deliver(gate, pool, invocationBatch('r1', T + 260), 'i-1', order, 'r1'),
      deliver(gate, pool, invocationBatch('r2', T + 900), 'i-1', order, 'r2'),
    ]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(held.map((h) => h.outcome)).toEqual(['timed_out', 'timed_out']);
    expect(order).toEqual(['r1', 'r2']);
    // Stored as before the gate: nothing is lost, the init's attributes are unknown.
    expect(held.flatMap((h) => h.result.invocations.map((i) => [i.requestId, i.version]))).toEqual([
      ['r1', ''],
      ['r2', ''],
    ]);
    expect(gate.wait(invocationBatch('r3', T + 2000), { identity, instance: 'i-1' })).toBe(
      undefined,
    );
  });

  it('holds nothing that cannot be waited for or need not be', () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000 });
    const report = invocationBatch('r1', T + 260);
    // The batch carries its own init.
    expect(gate.wait(initBatch, { identity, instance: 'i-1' })).toBeUndefined();
    // The sender does not name the sandbox: whose initStart would it wait for?
    expect(gate.wait(report, { identity, instance: '' })).toBeUndefined();
    // Not a batch: the parser refuses it at once.
    expect(gate.wait(Buffer.from('{not json'), { identity, instance: 'i-1' })).toBeUndefined();
    expect(gate.wait(Buffer.from('[]'), { identity, instance: 'i-1' })).toBeUndefined();
    // A sandbox this process has seen.
    parseTelemetryBatch(initBatch, { identity, instance: 'i-2', pool });
    expect(gate.wait(report, { identity, instance: 'i-2' })).toBeUndefined();
    // Turned off.
    const off = new SandboxInitGate(new LambdaLogStreamAssemblerPool(), { maxWaitMs: 0 });
    expect(off.wait(report, { identity, instance: 'i-1' })).toBeUndefined();
    expect(gate.holding).toBe(0);
  });

  it('holds no more than maxHeldBytes of bodies: a batch beyond goes on at once', async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const first = invocationBatch('r1', T + 260);
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000, maxHeldBytes: first.length + 10 });
    const held = gate.wait(first, { identity, instance: 'i-1' });
    expect(held).toBeInstanceOf(Promise);
    expect(
      gate.wait(invocationBatch('r2', T + 900), { identity, instance: 'i-2' }),
    ).toBeUndefined();
    parseTelemetryBatch(initBatch, { identity, instance: 'i-1', pool });
    await expect(held).resolves.toBe('released');
    expect(gate.holding).toBe(0);
  });

  it('never holds a sandbox it has seen, even after the pool let its state go (more live sandboxes than it keeps)', () => {
    const pool = new LambdaLogStreamAssemblerPool({ maxStreams: 2 });
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000 });
    for (const instance of ['i-1', 'i-2', 'i-3'])
      parseTelemetryBatch(initBatch, { identity, instance, pool });
    expect(pool.has(lambdaStreamKey(functionId(identity), 'i-1'))).toBe(false);
    expect(
      gate.wait(invocationBatch('r9', T + 900), { identity, instance: 'i-1' }),
    ).toBeUndefined();
    expect(gate.holding).toBe(0);
  });

  it('keeps holding while a sandbox sends only batches with no valid event: they leave it no state', async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 10_000 });
    const held = gate.wait(invocationBatch('r1', T + 260), { identity, instance: 'i-1' });
    expect(held).toBeInstanceOf(Promise);
    for (const empty of ['[]', '[{"type": "platform.start"}]'])
      parseTelemetryBatch(Buffer.from(empty), { identity, instance: 'i-1', pool });
    expect(pool.has(lambdaStreamKey(functionId(identity), 'i-1'))).toBe(false);
    expect(gate.holding).toBeGreaterThan(0);
    parseTelemetryBatch(initBatch, { identity, instance: 'i-1', pool });
    await expect(held).resolves.toBe('released');
  });

  it('holds a sandbox again once the delivery that first made its state was not stored (undone)', async () => {
    const pool = new LambdaLogStreamAssemblerPool();
    const gate = new SandboxInitGate(pool, { maxWaitMs: 50 });
    const { undo } = pool.capture(() =>
      parseTelemetryBatch(initBatch, { identity, instance: 'i-1', pool }),
    );
    expect(
      gate.wait(invocationBatch('r1', T + 260), { identity, instance: 'i-1' }),
    ).toBeUndefined();
    undo();
    const again = gate.wait(invocationBatch('r1', T + 260), { identity, instance: 'i-1' });
    expect(again).toBeInstanceOf(Promise);
    await expect(again).resolves.toBe('timed_out');
  });

  it('keeps a sandbox seen before as seen when a redelivery re-creates its evicted state and is undone', () => {
    const pool = new LambdaLogStreamAssemblerPool({ maxStreams: 1 });
    const gate = new SandboxInitGate(pool, { maxWaitMs: 50 });
    parseTelemetryBatch(initBatch, { identity, instance: 'i-1', pool });
    parseTelemetryBatch(initBatch, { identity, instance: 'i-2', pool });
    expect(pool.has(lambdaStreamKey(functionId(identity), 'i-1'))).toBe(false);
    const { undo } = pool.capture(() =>
      parseTelemetryBatch(invocationBatch('r1', T + 260), { identity, instance: 'i-1', pool }),
    );
    undo();
    expect(
      gate.wait(invocationBatch('r2', T + 900), { identity, instance: 'i-1' }),
    ).toBeUndefined();
  });
});
