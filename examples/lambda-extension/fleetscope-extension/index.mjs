// Fleetscope Telemetry API forwarder: a minimal external Lambda extension, no dependencies.
//
// Lifecycle (AWS docs: runtimes-extensions-api.md, telemetry-api.md):
//   1. register with the Extensions API for INVOKE and SHUTDOWN, asking for the account id;
//   2. listen on a local HTTP port and subscribe it to the Telemetry API (platform + function);
//   3. forward every batch Lambda posts to Fleetscope's POST /ingest/lambda/telemetry, naming the
//      function (ARN, version) and this sandbox (instance), with the bearer token;
//   4. before asking for the next event, finish the forwards in flight (the sandbox is frozen
//      while every process waits in /event/next); on SHUTDOWN, drain the last batches and exit.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const env = process.env;
const config = {
  runtimeApi: env.AWS_LAMBDA_RUNTIME_API,
  // Must equal the file name in /opt/extensions (the launcher exports it).
  name: env.FLEETSCOPE_EXTENSION_NAME || 'fleetscope-extension',
  ingestUrl: (env.FLEETSCOPE_INGEST_URL || '').replace(/\/+$/, ''),
  token: env.FLEETSCOPE_INGEST_TOKEN || '',
  region: env.AWS_REGION || env.AWS_DEFAULT_REGION || '',
  account: env.FLEETSCOPE_ACCOUNT_ID || '',
  functionName: env.AWS_LAMBDA_FUNCTION_NAME || '',
  functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION || '',
  // Lambda delivers telemetry to http://sandbox.localdomain:PORT only (telemetry-api.md).
  listenHost: env.FLEETSCOPE_LISTENER_HOST || 'sandbox.localdomain',
  listenPort: Number(env.FLEETSCOPE_LISTENER_PORT || 4243),
  destinationHost: env.FLEETSCOPE_DESTINATION_HOST || 'sandbox.localdomain',
  // Telemetry API buffering: minimums are maxItems 1000, maxBytes 256 KiB, timeoutMs 25.
  bufferTimeoutMs: Number(env.FLEETSCOPE_BUFFER_TIMEOUT_MS || 100),
  maxQueueBytes: 4 * 1024 * 1024,
};

// One extension process lives exactly as long as its sandbox: a fresh id names the sandbox, so
// Fleetscope can tie a platform.initStart to the platform.report of a later batch.
// (AWS_LAMBDA_LOG_STREAM_NAME is not given to extensions.)
const instance = env.FLEETSCOPE_INSTANCE || randomUUID();

const log = (...args) => console.error('[fleetscope-extension]', ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Batches received from Lambda and not yet accepted by Fleetscope (raw JSON bytes). */
const queue = [];
let queueBytes = 0;
let draining;
let lastBatchAt = 0;

function enqueue(batch) {
  queue.push(batch);
  queueBytes += batch.length;
  lastBatchAt = Date.now();
  // A stuck Fleetscope must not exhaust the function's memory: drop the oldest.
  while (queueBytes > config.maxQueueBytes && queue.length > 1) {
    queueBytes -= queue.shift().length;
    log('queue full, dropped the oldest telemetry batch');
  }
}

/** Forwards queued batches in order; one drain at a time. Resolves when the queue is empty or stuck. */
function drain() {
  if (!draining) {
    draining = forwardQueued().finally(() => {
      draining = undefined;
    });
  }
  return draining;
}

async function forwardQueued() {
  while (queue.length > 0) {
    if (!(await forward(queue[0]))) return;
    queueBytes -= queue.shift().length;
  }
}

let identity;

/** POSTs one batch; true when it is done with (stored, or refused for good). */
async function forward(batch) {
  const url = `${config.ingestUrl}/ingest/lambda/telemetry?${new URLSearchParams(identity)}`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    let retryAfterMs = 200 * attempt;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
        },
        body: gzipSync(batch),
      });
      const text = await response.text();
      if (response.ok) return true;
      if (response.status !== 429 && response.status !== 503) {
        // 400/401/413: sending the same bytes again will not help.
        log(`Fleetscope refused a batch: ${response.status} ${text.slice(0, 500)}`);
        return true;
      }
      retryAfterMs = Math.min(2000, Number(response.headers.get('retry-after') || 1) * 1000);
    } catch (error) {
      log(`Fleetscope unreachable: ${error.message}`);
    }
    await sleep(retryAfterMs);
  }
  return false;
}

async function extensionsApi(method, path, headers, body) {
  const response = await fetch(`http://${config.runtimeApi}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response;
}

/** The local endpoint the Telemetry API posts batches to; answers at once, forwards later. */
function listen() {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200).end();
      const batch = Buffer.concat(chunks);
      if (batch.length > 0) {
        enqueue(batch);
        void drain();
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listenPort, config.listenHost, () => resolve(server));
  });
}

async function main() {
  if (!config.runtimeApi || !config.ingestUrl) {
    throw new Error('AWS_LAMBDA_RUNTIME_API and FLEETSCOPE_INGEST_URL must be set');
  }
  const registered = await extensionsApi(
    'POST',
    '/2020-01-01/extension/register',
    { 'lambda-extension-name': config.name, 'lambda-extension-accept-feature': 'accountId' },
    { events: ['INVOKE', 'SHUTDOWN'] },
  );
  const extensionId = registered.headers.get('lambda-extension-identifier');
  const info = await registered.json();
  const name = info.functionName || config.functionName;
  const account = info.accountId || config.account;
  const version = config.functionVersion || info.functionVersion || '';
  // Fleetscope refuses a function named without its region and account (400): it would be another
  // function than the same one's spans, priced at another region's prices.
  if (!account)
    log(
      'the account id is unknown (the Extensions API gave none): set FLEETSCOPE_ACCOUNT_ID, else Fleetscope refuses every batch',
    );
  identity = account
    ? {
        'function-arn': `arn:aws:lambda:${config.region}:${account}:function:${name}`,
        version,
        instance,
      }
    : { function: name, region: config.region, version, instance };

  const server = await listen();
  const port = server.address().port;
  await extensionsApi(
    'PUT',
    '/2022-07-01/telemetry',
    { 'lambda-extension-identifier': extensionId },
    {
      schemaVersion: '2022-12-13',
      types: ['platform', 'function'],
      buffering: { maxItems: 1000, maxBytes: 256 * 1024, timeoutMs: config.bufferTimeoutMs },
      destination: { protocol: 'HTTP', URI: `http://${config.destinationHost}:${port}` },
    },
  );

  for (;;) {
    await drain();
    const next = await extensionsApi('GET', '/2020-01-01/extension/event/next', {
      'lambda-extension-identifier': extensionId,
    });
    const event = await next.json();
    if (event.eventType === 'SHUTDOWN') {
      // The last platform.report may still be in Lambda's buffer: wait until batches stop
      // coming (a buffering period with none), within the deadline, then drain and leave.
      const shutdownAt = Date.now();
      const deadline = Number(event.deadlineMs) || shutdownAt + 1500;
      const quietFor = () => Date.now() - Math.max(lastBatchAt, shutdownAt);
      while (Date.now() < deadline - 300 && quietFor() < config.bufferTimeoutMs + 200) {
        await sleep(50);
      }
      await drain();
      server.close();
      return;
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(error.message);
    process.exit(1);
  },
);
