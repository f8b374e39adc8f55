import {
  Client,
  credentials,
  Metadata,
  status as grpcStatus,
  type ServiceError,
} from '@grpc/grpc-js';
import { decodeStatusProtobuf, encodeTraceRequestProtobuf } from '@fleetscope/otlp';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { collectorMetric } from './support/collector-metrics';
import { lambdaTraceRequest } from './support/otlp-requests';

const BATCHES = 16;
const SPANS_PER_BATCH = 20;
/** The delay a refused sender is given: the flush interval (100 ms) in whole seconds, at least 1. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Back-pressure with a write queue far smaller than the offered load (FLEETSCOPE_QUEUE_MAX_BYTES
 * 96 kB, about two batches of 20 spans as the writer estimates them): concurrent exports are partly refused
 * with 429 + Retry-After (OTLP/HTTP "Throttling"), and every acknowledged batch is stored.
 */
describe('OTLP ingest under a full write queue', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope({
      FLEETSCOPE_QUEUE_MAX_BYTES: String(96 * 1024),
      FLEETSCOPE_FLUSH_INTERVAL_MS: '100',
    });
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  function batch(functionName: string, n: number): Uint8Array {
    return encodeTraceRequestProtobuf(
      lambdaTraceRequest(
        functionName,
        Array.from({ length: SPANS_PER_BATCH }, (_, i) => ({
          requestId: `${functionName}-${n}-${i}`,
        })),
      ),
    );
  }

  async function storedRequestIds(functionName: string): Promise<Set<string>> {
    await fleetscope.flush();
    const result = await fleetscope.clickhouse.client.query({
      query: `SELECT request_id FROM spans WHERE name = {name:String}`,
      query_params: { name: functionName },
      format: 'JSONEachRow',
    });
    return new Set((await result.json<{ request_id: string }>()).map((r) => r.request_id));
  }

  async function invocationsOf(functionName: string): Promise<number | undefined> {
    const list = (await fetch(`${fleetscope.apiUrl}/api/functions`).then((r) => r.json())) as {
      functions: { name: string; invocations: number }[];
    };
    return list.functions.find((f) => f.name === functionName)?.invocations;
  }

  it('answers some concurrent exports 429 with Retry-After and stores every acknowledged one', async () => {
    const name = 'throttled-http';
    const throttledBefore = await collectorMetric(
      fleetscope.ingestUrl,
      'fleetscope_ingest_throttled_requests_total',
      { signal: 'traces', reason: 'queue_full' },
    );
    const post = (n: number) =>
      fetch(`${fleetscope.ingestUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body: batch(name, n),
      });
    const answers = await Promise.all(Array.from({ length: BATCHES }, (_, n) => post(n)));
    const accepted = answers.flatMap((a, n) => (a.status === 200 ? [n] : []));
    const throttled = answers.flatMap((a, n) => (a.status === 429 ? [n] : []));
    expect(accepted.length + throttled.length).toBe(BATCHES);
    expect(accepted.length).toBeGreaterThan(0);
    expect(throttled.length).toBeGreaterThan(0);
    for (const n of throttled) {
      expect(Number(answers[n].headers.get('retry-after'))).toBe(RETRY_AFTER_SECONDS);
    }
    expect(
      await collectorMetric(fleetscope.ingestUrl, 'fleetscope_ingest_throttled_requests_total', {
        signal: 'traces',
        reason: 'queue_full',
      }),
    ).toBe(throttledBefore + throttled.length);

    // Every acknowledged batch is stored whole; a refused one is not stored at all, so the
    // sender's retry cannot double it.
    const stored = await storedRequestIds(name);
    for (let n = 0; n < BATCHES; n++) {
      const ids = Array.from({ length: SPANS_PER_BATCH }, (_, i) =>
        stored.has(`${name}-${n}-${i}`),
      );
      expect([n, ids.every(Boolean)]).toEqual([n, accepted.includes(n)]);
      expect([n, ids.some(Boolean)]).toEqual([n, accepted.includes(n)]);
    }

    // The senders retry the refused batches until they are accepted, after the Retry-After they
    // were given (acknowledged once in the ingest log, the accepted ones no longer pace them).
    let pending = throttled;
    for (let round = 0; pending.length > 0 && round < BATCHES; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const retries = await Promise.all(pending.map((n) => post(n)));
      expect(retries.every((r) => r.status === 200 || r.status === 429)).toBe(true);
      pending = pending.filter((_, i) => retries[i].status === 429);
    }
    expect(pending).toEqual([]);
    expect((await storedRequestIds(name)).size).toBe(BATCHES * SPANS_PER_BATCH);
    expect(await invocationsOf(name)).toBe(BATCHES * SPANS_PER_BATCH);
  });

  it('answers refused gRPC exports UNAVAILABLE (retryable) with RetryInfo and stores every acknowledged one', async () => {
    const name = 'throttled-grpc';
    const client = new Client(fleetscope.grpcAddress, credentials.createInsecure());
    const exportRaw = (n: number) =>
      new Promise<ServiceError | null>((resolve) => {
        client.makeUnaryRequest(
          '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
          (bytes: Uint8Array) => Buffer.from(bytes),
          (bytes: Buffer) => bytes,
          batch(name, n),
          new Metadata(),
          (error: ServiceError | null) => resolve(error),
        );
      });
    try {
      const errors = await Promise.all(Array.from({ length: BATCHES }, (_, n) => exportRaw(n)));
      const accepted = errors.flatMap((e, n) => (e === null ? [n] : []));
      const refused = errors.flatMap((e, n) => (e !== null ? [n] : []));
      expect(accepted.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      for (const n of refused) {
        const error = errors[n]!;
        expect(error.code).toBe(grpcStatus.UNAVAILABLE);
        // OTLP/gRPC Throttling: a google.rpc.Status in the trailers whose RetryInfo carries the
        // delay OTLP/HTTP gives in Retry-After.
        const [details] = error.metadata.get('grpc-status-details-bin');
        expect(details).toBeInstanceOf(Buffer);
        expect(decodeStatusProtobuf(details as Buffer)).toEqual({
          code: grpcStatus.UNAVAILABLE,
          message: error.details,
          retryDelayMs: RETRY_AFTER_SECONDS * 1000,
        });
      }

      const stored = await storedRequestIds(name);
      expect(stored.size).toBe(accepted.length * SPANS_PER_BATCH);
      for (const n of accepted) expect(stored.has(`${name}-${n}-0`)).toBe(true);
    } finally {
      client.close();
    }
  });
});
