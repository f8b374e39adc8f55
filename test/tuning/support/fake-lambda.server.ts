import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  curveByName,
  seededRandom,
  simulateInvocation,
  type TuningArchitecture,
} from '@fleetscope/tuning';

/**
 * A stand-in for the Lambda REST API (2015-03-31) that the AWS SDK is pointed at through
 * AWS_ENDPOINT_URL_LAMBDA: GetFunction, Get/UpdateFunctionConfiguration, UpdateFunctionCode,
 * PublishVersion, ListVersionsByFunction, DeleteFunction (a version), Create/Update/List/DeleteAlias
 * and Invoke with LogType Tail. Each function follows one of the known duration curves and prints
 * REPORT lines as Lambda does; an update leaves LastUpdateStatus InProgress for `updateMs`, during
 * which another update is refused with ResourceConflictException, as on Lambda.
 */
export interface FakeFunctionSpec {
  name: string;
  curve: string;
  memoryMb?: number;
  architecture?: TuningArchitecture;
  description?: string;
  seed?: number;
  /** Every Invoke from this call number on (1-based) fails with a 500 ServiceException. */
  failInvokesFrom?: number;
  /** Every UpdateFunctionConfiguration from this call number on (1-based) fails the same way. */
  failUpdatesFrom?: number;
  /** These UpdateFunctionConfiguration call numbers (1-based) fail; the others go through. */
  failUpdates?: number[];
  /** A published version stays State Pending this long (SnapStart takes its snapshot); Invoke refuses it. */
  versionPendingMs?: number;
  /** These UpdateFunctionConfiguration call numbers (1-based) are accepted, then end Failed. */
  updatesEndingFailed?: number[];
  /** GetFunction answers this error (429 TooManyRequestsException: Lambda throttles reads). */
  getFunctionError?: { status: number; type: string };
  /** GetFunctionConfiguration is refused with 403 AccessDeniedException (a missing IAM permission). */
  denyGetConfiguration?: boolean;
  /** CreateAlias of these names fails with a 500 ServiceException. */
  failAliases?: string[];
  /** Every DeleteFunction of a version fails with a 500 ServiceException. */
  failVersionDeletes?: boolean;
  invokeDelayMs?: number;
  /** GetFunction and GetFunctionConfiguration answer after this long (a slow control plane). */
  readDelayMs?: number;
  /** How long an update stays InProgress (the SDK waiter then polls once a second). */
  updateMs?: number;
  /** LoggingConfig.LogFormat: JSON prints platform records as JSON objects. */
  logFormat?: 'Text' | 'JSON';
  /** EphemeralStorage.Size (MB), 512 when not given. */
  ephemeralStorageMb?: number;
  /** Runtime, nodejs22.x when not given. */
  runtime?: string;
  /** SnapStart: a version's cold start restores a snapshot (Restore Duration, no INIT). */
  snapStart?: boolean;
  /**
   * Share of the calls at a memory size that end in a handled function error (a downstream
   * TimeoutError), by size: errors the size causes, which the other sizes do not have.
   */
  errorsAt?: Record<number, number>;
  /**
   * A sandbox serves one call at a time, as on Lambda: a call that finds every sandbox of its
   * version busy starts a new one (cold). Without it, a version is warm after its first call.
   */
  sandboxPerCall?: boolean;
}

interface VersionState {
  version: string;
  /** Until when a published version is Pending. */
  activeAt?: number;
  memoryMb: number;
  architecture: TuningArchitecture;
  description: string;
}

interface FunctionState {
  spec: FakeFunctionSpec;
  latest: VersionState & { updateDoneAt: number; updateFailed?: boolean };
  versions: Map<string, VersionState>;
  aliases: Map<string, string>;
  nextVersion: number;
  warm: Set<string>;
  /** sandboxPerCall: idle sandboxes by version. */
  idle: Map<string, number>;
  invokes: number;
  updates: number;
  /** Every Invoke payload, as received. */
  payloads: unknown[];
  /** Every Invoke that ran: the version it ran and $LATEST as it stood meanwhile. */
  invoked: InvokeSeen[];
  random: () => number;
}

/** One Invoke as the fake served it. */
export interface InvokeSeen {
  qualifier: string | null;
  version: string;
  memoryMb: number;
  architecture: TuningArchitecture;
  payload: unknown;
  latest: { memoryMb: number; architecture: TuningArchitecture; description: string };
}

export interface FakeLambda {
  url: string;
  region: string;
  account: string;
  arn(name: string): string;
  fn(name: string): FunctionState;
  /** Deletes the function (DeleteFunction without a qualifier): its name answers 404 from now on. */
  deleteFunction(name: string): void;
  /** Paths of every request, e.g. `PUT /2015-03-31/functions/x/configuration`. */
  calls: string[];
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const CODE = Buffer.from('PK fake function package');

function errorAnswer(res: ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  res.end(JSON.stringify({ Type: 'User', message }));
}

export async function startFakeLambda(specs: FakeFunctionSpec[]): Promise<FakeLambda> {
  const functions = new Map<string, FunctionState>();
  for (const spec of specs) {
    functions.set(spec.name, {
      spec,
      latest: {
        version: '$LATEST',
        memoryMb: spec.memoryMb ?? 1024,
        architecture: spec.architecture ?? 'x86_64',
        description: spec.description ?? '',
        updateDoneAt: 0,
      },
      versions: new Map(),
      aliases: new Map(),
      nextVersion: 1,
      warm: new Set(),
      idle: new Map(),
      invokes: 0,
      updates: 0,
      payloads: [],
      invoked: [],
      random: seededRandom(spec.seed ?? 11),
    });
  }
  const calls: string[] = [];
  let url = '';
  const arn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  const configuration = (f: FunctionState, v: VersionState) => ({
    FunctionName: f.spec.name,
    FunctionArn: v.version === '$LATEST' ? arn(f.spec.name) : `${arn(f.spec.name)}:${v.version}`,
    Runtime: f.spec.runtime ?? 'nodejs22.x',
    MemorySize: v.memoryMb,
    Timeout: 30,
    Architectures: [v.architecture],
    EphemeralStorage: { Size: f.spec.ephemeralStorageMb ?? 512 },
    Description: v.description,
    PackageType: 'Zip',
    Version: v.version,
    State: v.activeAt !== undefined && Date.now() < v.activeAt ? 'Pending' : 'Active',
    LastUpdateStatus:
      v === f.latest && Date.now() < f.latest.updateDoneAt
        ? 'InProgress'
        : v === f.latest && f.latest.updateFailed
          ? 'Failed'
          : 'Successful',
    ...(v === f.latest && f.latest.updateFailed
      ? {
          LastUpdateStatusReasonCode: 'EniLimitExceeded',
          LastUpdateStatusReason: 'The ENI limit of the account was reached.',
        }
      : {}),
  });

  // Requests answered once the function's readDelayMs has passed (handled again then).
  const delayed = new WeakSet<IncomingMessage>();
  const handle = (req: IncomingMessage, body: string, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    if (!delayed.has(req))
      calls.push(
        `${method} ${decodeURIComponent(u.pathname).replace(/arn:aws:lambda:[^:]+:\d+:function:/, '')}`,
      );
    const json = (value: unknown, status = 200, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (method === 'GET' && u.pathname === '/code.zip') {
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end(CODE);
      return;
    }
    const m = /^\/2015-03-31\/functions\/([^/]+)(\/[^/]+)?(?:\/([^/]+))?$/.exec(u.pathname);
    if (!m) return errorAnswer(res, 404, 'UnknownOperationException', u.pathname);
    const name = decodeURIComponent(m[1]).split(':function:').pop()!.split(':')[0];
    const f = functions.get(name);
    if (!f)
      return errorAnswer(res, 404, 'ResourceNotFoundException', `Function not found: ${name}`);
    const sub = m[2] ?? '';
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const busy = Date.now() < f.latest.updateDoneAt;
    const startUpdate = () => (f.latest.updateDoneAt = Date.now() + (f.spec.updateMs ?? 0));
    const qualifier = u.searchParams.get('Qualifier');
    const reading = method === 'GET' && (sub === '' || sub === '/configuration');
    if (reading && f.spec.readDelayMs && !delayed.has(req)) {
      delayed.add(req);
      setTimeout(() => handle(req, body, res), f.spec.readDelayMs);
      return;
    }

    if (method === 'GET' && sub === '') {
      if (f.spec.getFunctionError)
        return errorAnswer(
          res,
          f.spec.getFunctionError.status,
          f.spec.getFunctionError.type,
          `${f.spec.getFunctionError.type} on GetFunction of ${name}`,
        );
      return json({
        Configuration: configuration(f, f.latest),
        Code: { RepositoryType: 'S3', Location: `${url}/code.zip` },
      });
    }
    if (sub === '/configuration' && method === 'GET') {
      if (f.spec.denyGetConfiguration)
        return errorAnswer(
          res,
          403,
          'AccessDeniedException',
          `User is not authorized to perform: lambda:GetFunctionConfiguration on ${arn(name)}`,
        );
      const v = qualifier && qualifier !== '$LATEST' ? f.versions.get(qualifier) : f.latest;
      if (!v) return errorAnswer(res, 404, 'ResourceNotFoundException', `no version ${qualifier}`);
      return json(configuration(f, v));
    }
    if (sub === '/configuration' && method === 'PUT') {
      f.updates++;
      if (
        (f.spec.failUpdatesFrom && f.updates >= f.spec.failUpdatesFrom) ||
        f.spec.failUpdates?.includes(f.updates)
      )
        return errorAnswer(res, 500, 'ServiceException', 'Lambda cannot update functions now');
      if (busy)
        return errorAnswer(res, 409, 'ResourceConflictException', 'An update is in progress');
      f.latest.updateFailed = f.spec.updatesEndingFailed?.includes(f.updates) ?? false;
      if (typeof input.MemorySize === 'number') f.latest.memoryMb = input.MemorySize;
      if (typeof input.Description === 'string') f.latest.description = input.Description;
      startUpdate();
      return json(configuration(f, f.latest));
    }
    if (sub === '/code' && method === 'PUT') {
      if (busy)
        return errorAnswer(res, 409, 'ResourceConflictException', 'An update is in progress');
      const archs = input.Architectures as TuningArchitecture[] | undefined;
      if (!input.ZipFile) return errorAnswer(res, 400, 'InvalidParameterValueException', 'no code');
      if (archs?.[0]) f.latest.architecture = archs[0];
      startUpdate();
      return json(configuration(f, f.latest));
    }
    if (sub === '/versions' && method === 'POST') {
      if (busy)
        return errorAnswer(res, 409, 'ResourceConflictException', 'An update is in progress');
      // Lambda returns the last version when nothing changed since it was published.
      const last = [...f.versions.values()].at(-1);
      const same =
        last &&
        last.memoryMb === f.latest.memoryMb &&
        last.architecture === f.latest.architecture &&
        last.description === f.latest.description;
      if (same) return json(configuration(f, last), 201);
      const v: VersionState = {
        version: String(f.nextVersion++),
        activeAt: Date.now() + (f.spec.versionPendingMs ?? 0),
        memoryMb: f.latest.memoryMb,
        architecture: f.latest.architecture,
        description:
          typeof input.Description === 'string' ? input.Description : f.latest.description,
      };
      f.versions.set(v.version, v);
      return json(configuration(f, v), 201);
    }
    if (sub === '/versions' && method === 'GET') {
      return json({
        Versions: [f.latest, ...f.versions.values()].map((v) => configuration(f, v)),
      });
    }
    if (sub === '' && method === 'DELETE') {
      if (f.spec.failVersionDeletes)
        return errorAnswer(res, 500, 'ServiceException', 'Lambda cannot delete versions now');
      if (!qualifier || !f.versions.has(qualifier))
        return errorAnswer(res, 404, 'ResourceNotFoundException', `no version ${qualifier}`);
      if ([...f.aliases.values()].includes(qualifier))
        return errorAnswer(res, 409, 'ResourceConflictException', 'an alias points at it');
      f.versions.delete(qualifier);
      res.writeHead(204).end();
      return;
    }
    const aliasOf = (alias: string, version: string) => ({
      AliasArn: `${arn(name)}:${alias}`,
      Name: alias,
      FunctionVersion: version,
    });
    if (sub === '/aliases' && method === 'POST') {
      const alias = String(input.Name);
      const version = String(input.FunctionVersion);
      if (f.spec.failAliases?.includes(alias))
        return errorAnswer(res, 500, 'ServiceException', `Lambda cannot create alias ${alias} now`);
      if (f.aliases.has(alias))
        return errorAnswer(res, 409, 'ResourceConflictException', `Alias already exists: ${alias}`);
      if (!f.versions.has(version))
        return errorAnswer(res, 404, 'ResourceNotFoundException', `no version ${version}`);
      f.aliases.set(alias, version);
      return json(aliasOf(alias, version), 201);
    }
    if (sub === '/aliases' && method === 'GET') {
      return json({ Aliases: [...f.aliases].map(([a, v]) => aliasOf(a, v)) });
    }
    if (sub === '/aliases' && m[3]) {
      const alias = decodeURIComponent(m[3]);
      if (!f.aliases.has(alias))
        return errorAnswer(res, 404, 'ResourceNotFoundException', `no alias ${alias}`);
      if (method === 'DELETE') {
        f.aliases.delete(alias);
        res.writeHead(204).end();
        return;
      }
      if (method === 'PUT') {
        f.aliases.set(alias, String(input.FunctionVersion));
        return json(aliasOf(alias, String(input.FunctionVersion)));
      }
    }
    if (sub === '/invocations' && method === 'POST') {
      f.invokes++;
      f.payloads.push(input);
      if (f.spec.failInvokesFrom && f.invokes >= f.spec.failInvokesFrom)
        return errorAnswer(res, 500, 'ServiceException', 'Lambda is having a bad day');
      const version = qualifier ? (f.aliases.get(qualifier) ?? qualifier) : '$LATEST';
      const v = version === '$LATEST' ? f.latest : f.versions.get(version);
      if (!v)
        return errorAnswer(res, 404, 'ResourceNotFoundException', `no qualifier ${qualifier}`);
      if (v.activeAt !== undefined && Date.now() < v.activeAt)
        return errorAnswer(
          res,
          409,
          'ResourceConflictException',
          'The operation cannot be performed at this time. The function is currently in the following state: Pending',
        );
      f.invoked.push({
        qualifier,
        version: v.version,
        memoryMb: v.memoryMb,
        architecture: v.architecture,
        payload: input,
        latest: {
          memoryMb: f.latest.memoryMb,
          architecture: f.latest.architecture,
          description: f.latest.description,
        },
      });
      const curve = curveByName(f.spec.curve)!;
      const idle = f.idle.get(v.version) ?? 0;
      const cold = f.spec.sandboxPerCall ? idle === 0 : !f.warm.has(v.version);
      if (f.spec.sandboxPerCall && !cold) f.idle.set(v.version, idle - 1);
      const simulated = simulateInvocation(curve, v.memoryMb, v.architecture, cold, f.random);
      // A SnapStart restore in place of INIT: Restore Duration, and its own billed part.
      const restoreMs = f.spec.snapStart ? simulated.initDurationMs * 1.6 : 0;
      const r = f.spec.snapStart
        ? {
            ...simulated,
            initDurationMs: 0,
            billedDurationMs: Math.ceil(simulated.durationMs),
          }
        : simulated;
      if (r.outcome === 'ok' || r.outcome === 'error') f.warm.add(v.version);
      else f.warm.delete(v.version);
      const requestId = randomUUID();
      const fields = [
        `REPORT RequestId: ${requestId}`,
        `Duration: ${r.durationMs.toFixed(2)} ms`,
        `Billed Duration: ${r.billedDurationMs} ms`,
        `Memory Size: ${v.memoryMb} MB`,
        `Max Memory Used: ${Math.min(v.memoryMb, 90)} MB`,
        ...(r.initDurationMs > 0 ? [`Init Duration: ${r.initDurationMs.toFixed(2)} ms`] : []),
        ...(restoreMs > 0
          ? [
              `Restore Duration: ${restoreMs.toFixed(2)} ms`,
              `Billed Restore Duration: ${Math.ceil(restoreMs * 0.3)} ms`,
            ]
          : []),
        ...(r.outcome === 'oom' ? ['Status: error', 'Error Type: Runtime.OutOfMemory'] : []),
        ...(r.outcome === 'timeout' ? ['Status: timeout'] : []),
      ];
      const status = r.outcome === 'ok' ? 'success' : r.outcome === 'oom' ? 'error' : r.outcome;
      const jsonReport = JSON.stringify({
        time: new Date().toISOString(),
        type: 'platform.report',
        record: {
          requestId,
          metrics: {
            durationMs: r.durationMs,
            billedDurationMs: r.billedDurationMs,
            memorySizeMB: v.memoryMb,
            maxMemoryUsedMB: Math.min(v.memoryMb, 90),
            ...(r.initDurationMs > 0 ? { initDurationMs: r.initDurationMs } : {}),
          },
          status,
          ...(r.outcome === 'oom' ? { errorType: 'Runtime.OutOfMemory' } : {}),
        },
      });
      const log =
        f.spec.logFormat === 'JSON'
          ? `${jsonReport}\n`
          : [
              `START RequestId: ${requestId} Version: ${v.version}`,
              `END RequestId: ${requestId}`,
              `${fields.join('\t')}\t`,
              '',
            ].join('\n');
      const headers: Record<string, string> = {
        'x-amz-executed-version': v.version,
        'x-amz-log-result': Buffer.from(log).toString('base64'),
      };
      let payload: unknown = { ok: true, memoryMb: v.memoryMb };
      if (r.outcome !== 'ok') {
        headers['x-amz-function-error'] = 'Unhandled';
        payload =
          r.outcome === 'oom'
            ? {
                errorType: 'Runtime.OutOfMemory',
                errorMessage: 'Runtime exited with error: signal: killed',
              }
            : { errorType: 'Error', errorMessage: 'intermittent failure' };
      } else if (
        (f.spec.errorsAt?.[v.memoryMb] ?? 0) > 0 &&
        f.random() < f.spec.errorsAt![v.memoryMb]
      ) {
        headers['x-amz-function-error'] = 'Handled';
        payload = {
          errorType: 'TimeoutError',
          errorMessage: 'downstream call timed out after 3000ms',
        };
      }
      const send = () => {
        // The sandbox is free again once its answer is sent.
        if (f.spec.sandboxPerCall) f.idle.set(v.version, (f.idle.get(v.version) ?? 0) + 1);
        json(payload, 200, headers);
      };
      if (f.spec.invokeDelayMs) setTimeout(send, f.spec.invokeDelayMs);
      else send();
      return;
    }
    return errorAnswer(res, 404, 'UnknownOperationException', `${method} ${u.pathname}`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, Buffer.concat(chunks).toString('utf8'), res);
      } catch (error) {
        errorAnswer(res, 500, 'ServiceException', (error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    region: REGION,
    account: ACCOUNT,
    arn,
    fn: (name) => functions.get(name)!,
    deleteFunction: (name) => {
      functions.delete(name);
    },
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
