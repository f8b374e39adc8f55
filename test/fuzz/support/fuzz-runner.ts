import { decodeExportResponseProtobuf } from '@fleetscope/otlp';
import type { RunningFleetscope } from '../../support/fleetscope-app';
import type { FuzzCase, FuzzTarget } from './fuzz-cases';

/** What one case's answer said, and what it left in ClickHouse. */
export interface CaseOutcome {
  status: number;
  /** Items the answer says were stored (undefined: the answer does not say). */
  accepted?: { spans?: number; invocations?: number; logs?: number };
  body: string;
}

export interface TargetFigures {
  cases: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** Answers saying ClickHouse refused rows that passed validation. */
  refusedByStorage: number;
  /** Items the answers called stored, and the rows found. */
  acceptedItems: number;
  storedItems: number;
  rejectedItems: number;
}

export function emptyFigures(): TargetFigures {
  return {
    cases: 0,
    byStatus: {},
    serverErrors: 0,
    refusedByStorage: 0,
    acceptedItems: 0,
    storedItems: 0,
    rejectedItems: 0,
  };
}

/** Sends one case to the running Fleetscope; network failures (a crash) throw. */
export async function sendCase(fleetscope: RunningFleetscope, c: FuzzCase): Promise<CaseOutcome> {
  const base = c.server === 'ingest' ? fleetscope.ingestUrl : fleetscope.apiUrl;
  const response = await fetch(`${base}${c.path}`, {
    method: c.method,
    headers: c.headers,
    body: c.body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const protobuf = (response.headers.get('content-type') ?? '').includes('protobuf');
  const body = protobuf ? bytes.toString('base64') : bytes.toString('utf8');
  return {
    status: response.status,
    body,
    accepted: acceptedOf(c, response.status, protobuf ? bytes : body),
  };
}

function acceptedOf(c: FuzzCase, status: number, body: string | Buffer): CaseOutcome['accepted'] {
  if (c.accounting.kind === 'none') return undefined;
  if (status !== 200) {
    return c.accounting.kind === 'spans' ? { spans: 0 } : { invocations: 0, logs: 0 };
  }
  if (c.accounting.kind === 'spans') {
    const rejected =
      typeof body === 'string'
        ? Number(
            (JSON.parse(body || '{}') as { partialSuccess?: { rejectedSpans?: string } })
              .partialSuccess?.rejectedSpans ?? 0,
          )
        : decodeExportResponseProtobuf('traces', body).rejected;
    return { spans: c.accounting.sent - rejected };
  }
  if (typeof body !== 'string') throw new Error('a platform route answered protobuf');
  const answer = JSON.parse(body) as { invocations: number; logs: number };
  return { invocations: answer.invocations, logs: answer.logs };
}

async function countRows(
  fleetscope: RunningFleetscope,
  query: string,
  params: Record<string, unknown>,
): Promise<number> {
  const result = await fleetscope.clickhouse.client.query({
    query,
    query_params: params,
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ n: string | number }>())[0].n);
}

/** The rows a case stored, in the units its answer counts (call after fleetscope.flush()). */
export async function storedBy(
  fleetscope: RunningFleetscope,
  c: FuzzCase,
): Promise<CaseOutcome['accepted']> {
  switch (c.accounting.kind) {
    case 'none':
      return undefined;
    case 'spans':
      return {
        spans: await countRows(
          fleetscope,
          'SELECT count() AS n FROM spans WHERE service_name = {s:String}',
          { s: c.accounting.serviceName },
        ),
      };
    case 'lambda': {
      const params = { f: c.accounting.functionId };
      return {
        invocations: await countRows(
          fleetscope,
          'SELECT count() AS n FROM invocations WHERE function_id = {f:String}',
          params,
        ),
        logs: await countRows(
          fleetscope,
          'SELECT count() AS n FROM logs WHERE function_id = {f:String}',
          params,
        ),
      };
    }
  }
}

/** Adds one case's outcome to its target's figures. */
export function tally(
  figures: Record<FuzzTarget, TargetFigures>,
  c: FuzzCase,
  o: CaseOutcome,
): void {
  const f = figures[c.target];
  f.cases++;
  f.byStatus[o.status] = (f.byStatus[o.status] ?? 0) + 1;
  if (o.status >= 500) f.serverErrors++;
  if (/could not be stored/.test(o.body)) f.refusedByStorage++;
  const a = o.accepted;
  if (a) f.acceptedItems += (a.spans ?? 0) + (a.invocations ?? 0) + (a.logs ?? 0);
}
