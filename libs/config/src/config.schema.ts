import { validateCronExpression } from 'cron';
import { z } from 'zod';
import { AWS_REGION_PATTERN } from '@fleetscope/model';

function describeCronError(error: unknown): string {
  return error instanceof Error ? error.message : 'not a cron expression';
}

/**
 * Every environment variable Fleetscope reads is named in this file and nowhere else.
 * `ENV` maps each setting to its variable, its default and what is allowed, so the README table,
 * the docker-compose check and the error messages all come from one place.
 */
// Decimal digits only: Number() would read "" and " " as 0, "0x1F90" as 8080, "1e3" as 1000 and
// "Infinity" as a number, so a typo or an empty variable would silently become another value.
const DECIMAL = /^-?\d+(\.\d+)?$/;
const number = (check: z.ZodNumber, message = 'must be a number (decimal digits)') =>
  z.string().trim().regex(DECIMAL, message).transform(Number).pipe(check);
const integer = z.number().int('must be an integer');
const port = number(
  // 0 asks the system for any free port (the tests do; the bound port is logged at start).
  integer.min(0, 'must be between 0 and 65535').max(65535, 'must be between 0 and 65535'),
  'must be a port number',
);
const positive = integer.positive('must be greater than 0');
const positiveInt = number(positive);
const nonNegativeInt = number(integer.min(0, 'must be 0 or more'));
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
const nonNegativeNumber = number(z.number().min(0, 'must be 0 or more'));
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
/** An AWS region code: eu-west-1, us-gov-west-1, ap-southeast-7 (@fleetscope/model's rule). */
export { AWS_REGION_PATTERN };
const awsRegions = csv.refine((regions) => regions.every((r) => AWS_REGION_PATTERN.test(r)), {
  message: 'must be AWS region codes separated by commas, e.g. eu-west-1,us-east-1',
});
/** A calendar date that exists: 2019-13-45 matched the shape and priced from an Invalid Date. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine(
    (v) => {
      const ms = Date.parse(`${v}T00:00:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
    },
    {
      message: 'must be a date that exists, YYYY-MM-DD',
    },
  );
const url = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http:// or https:// URL',
  });
const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a ClickHouse identifier (letters, digits, _)');
const logLevel = z.enum(['error', 'warn', 'log', 'debug', 'verbose']);
// ── weekly reports (issue 10) ──
const cron = z.string().superRefine((value, ctx) => {
  const check = validateCronExpression(value);
  if (!check.valid) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be a cron expression (seconds first, e.g. "0 0 6 * * 1"): ${check.error?.message ?? 'invalid'}`,
    });
  }
});
const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as UTC or Europe/Berlin' },
);
const emailList = csv.refine((list) => list.every((a) => /^[^\s@]+@[^\s@]+$/.test(a)), {
  message: 'must be comma-separated e-mail addresses',
});
const smtpUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), {
    message: 'must be an smtp:// or smtps:// URL (credentials may be given in it)',
  });

export interface EnvSpec {
  /** The environment variable. */
  name: string;
  schema: z.ZodTypeAny;
  default?: string;
  description: string;
  secret?: boolean;
}

export const ENV = {
  host: {
    name: 'FLEETSCOPE_HOST',
    schema: z.string().min(1, 'must not be empty'),
    default: '127.0.0.1',
    description:
      'Address every server binds to. Anything beyond loopback requires both tokens below.',
  },
  httpPort: {
    name: 'FLEETSCOPE_HTTP_PORT',
    schema: port,
    default: '8080',
    description: 'Dashboard pages and the REST API.',
  },
  otlpHttpPort: {
    name: 'FLEETSCOPE_OTLP_HTTP_PORT',
    schema: port,
    default: '4318',
    description: 'OTLP/HTTP and platform ingest (Lambda, Firehose, OpenFaaS, Knative).',
  },
  otlpGrpcPort: {
    name: 'FLEETSCOPE_OTLP_GRPC_PORT',
    schema: port,
    default: '4317',
    description: 'OTLP/gRPC.',
  },
  ingestToken: {
    name: 'FLEETSCOPE_INGEST_TOKEN',
    schema: optionalString,
    description: 'Bearer token required on ingest (:4318, :4317) when set.',
    secret: true,
  },
  apiToken: {
    name: 'FLEETSCOPE_API_TOKEN',
    schema: optionalString,
    description: 'Bearer token required on the API (:8080/api) when set.',
    secret: true,
  },
  firehoseAccessKey: {
    name: 'FLEETSCOPE_FIREHOSE_ACCESS_KEY',
    schema: optionalString,
    description:
      'Expected X-Amz-Firehose-Access-Key on /ingest/firehose (defaults to the ingest token).',
    secret: true,
  },
  dataDir: {
    name: 'FLEETSCOPE_DATA_DIR',
    schema: z.string().min(1, 'must not be empty'),
    default: './data',
    description:
      "The process's own data: embedded ClickHouse (chDB) when CLICKHOUSE_URL is unset, and in every mode the flush journal and the ingest log (keep it across restarts).",
  },
  embeddedMemoryMb: {
    name: 'FLEETSCOPE_EMBEDDED_MEMORY_MB',
    schema: number(positive.min(64, 'must be at least 64')),
    default: '1024',
    description:
      'Memory the embedded ClickHouse may allocate (its max_server_memory_usage; merges get half, larger sorts and GROUP BYs spill to disk). Beyond it an insert fails and is retried (503); the Node process and chDB\'s ~260 MiB of mapped code come on top. Merges run vertically (a column at a time) and the engine returns freed pages beyond 32 MiB at once: at the ingest overload peaks of bench:ingest its allocator held 100–200 MiB (README, "Memory").',
  },
  clickhouseUrl: {
    name: 'CLICKHOUSE_URL',
    schema: url,
    description:
      "A ClickHouse server's HTTP interface, e.g. http://clickhouse:8123, without a path (the database is CLICKHOUSE_DATABASE); credentials may be given in it. Unset: embedded ClickHouse.",
  },
  clickhouseUser: {
    name: 'CLICKHOUSE_USER',
    schema: z.string(),
    default: 'default',
    description: 'ClickHouse user (server mode).',
  },
  clickhousePassword: {
    name: 'CLICKHOUSE_PASSWORD',
    schema: z.string(),
    default: '',
    description: 'ClickHouse password (server mode).',
    secret: true,
  },
  clickhouseDatabase: {
    name: 'CLICKHOUSE_DATABASE',
    schema: identifier,
    default: 'fleetscope',
    description: 'Database holding every Fleetscope table (created if missing).',
  },
  clickhouseCluster: {
    name: 'FLEETSCOPE_CLICKHOUSE_CLUSTER',
    schema: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
      .refine((v) => v === undefined || /^[A-Za-z0-9_.-]+$/.test(v), {
        message: 'must be a cluster name from remote_servers (letters, digits, _ . -)',
      }),
    description:
      'Cluster mode: Replicated engines, Distributed tables and ON CLUSTER DDL on this cluster.',
  },
  rawRetentionDays: {
    name: 'FLEETSCOPE_RETENTION_DAYS',
    schema: nonNegativeInt,
    default: '30',
    description: 'TTL of raw invocations, spans, logs and metric points (0 keeps them forever).',
  },
  aggregateRetentionDays: {
    name: 'FLEETSCOPE_AGGREGATE_RETENTION_DAYS',
    schema: nonNegativeInt,
    default: '400',
    description:
      'TTL of the per-minute and hourly aggregates (0 keeps them forever). Analysis runs and their recommendations are kept as long, except the latest complete run.',
  },
  ingestMaxFutureHours: {
    name: 'FLEETSCOPE_INGEST_MAX_FUTURE_HOURS',
    schema: number(positive.max(24 * 365 * 10, 'must be at most 87600 (ten years)')),
    default: '168',
    description:
      'How far ahead of now an ingested time may be; later items are rejected (reported in partial_success). Items older than FLEETSCOPE_RETENTION_DAYS are rejected too.',
  },
  maxBodyBytes: {
    name: 'FLEETSCOPE_MAX_BODY_BYTES',
    schema: positiveInt,
    default: String(64 * 1024 * 1024),
    description: 'Largest ingest body, measured after decompression (OTLP recommends 64 MiB).',
  },
  telemetryInitWaitMs: {
    name: 'FLEETSCOPE_TELEMETRY_INIT_WAIT_MS',
    schema: number(integer.min(0, 'must be 0 or more').max(10_000, 'must be at most 10000')),
    default: '1000',
    description:
      "How long a Lambda Telemetry API batch that came before its sandbox's platform.initStart (which alone names the version, runtime and start of the sandbox's invocations) waits for it, unacknowledged. Only a sandbox's first batches wait, when they name their instance and this process has not seen it: after a restart, each live sandbox's first batch waits once. 0: none waits.",
  },
  queueMaxBytes: {
    name: 'FLEETSCOPE_QUEUE_MAX_BYTES',
    schema: positiveInt,
    default: String(32 * 1024 * 1024),
    description:
      'Write queue bound (estimated bytes of queued rows); beyond it ingest answers 429 with Retry-After (gRPC: UNAVAILABLE with RetryInfo).',
  },
  flushIntervalMs: {
    name: 'FLEETSCOPE_FLUSH_INTERVAL_MS',
    schema: positiveInt,
    default: '50',
    description:
      'How long rows wait for company while ClickHouse is idle (with the ingest log, the least wait: see FLEETSCOPE_DRAIN_INTERVAL_MS).',
  },
  drainIntervalMs: {
    name: 'FLEETSCOPE_DRAIN_INTERVAL_MS',
    schema: nonNegativeInt,
    default: '1000',
    description:
      'With the ingest log: the pace of its drains into ClickHouse: one this long after the previous one started (after a quiet spell, after the first batch queued), sooner when FLEETSCOPE_FLUSH_ROWS rows of a table or half of FLEETSCOPE_QUEUE_MAX_BYTES wait, or a read waits for them. Each drain costs the engine a fixed time for its parts, whatever it holds. 0: drains back to back.',
  },
  flushRows: {
    name: 'FLEETSCOPE_FLUSH_ROWS',
    schema: positiveInt,
    default: '20000',
    description: 'Rows per table that trigger an insert before the interval ends.',
  },
  // ── ingest log (issue 11, small deliveries) ──
  ingestLog: {
    name: 'FLEETSCOPE_INGEST_LOG',
    schema: z.enum(['on', 'off']).transform((v) => v === 'on'),
    default: 'on',
    description:
      'on: a request is acknowledged once its rows are written to the ingest log in FLEETSCOPE_DATA_DIR/ingest-log (write() without fsync, as ClickHouse acknowledges inserts with fsync_after_insert=0) and stored in ClickHouse in large batches behind it; the log is replayed at start-up and bounded by FLEETSCOPE_QUEUE_MAX_BYTES. off: acknowledged once ClickHouse has committed the rows.',
  },
  analysisCron: {
    name: 'FLEETSCOPE_ANALYSIS_CRON',
    schema: z.string().superRefine((v, ctx) => {
      // The same parser @nestjs/schedule uses: a bad expression fails here, not at start-up.
      const check = validateCronExpression(v);
      if (!check.valid) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a cron expression with seconds, e.g. "0 */15 * * * *" (${describeCronError(check.error)})`,
        });
      }
    }),
    default: '0 */15 * * * *',
    description:
      "When scheduled analyses run (cron with seconds). A tick missed while the process was stopped (one after the last stored run began) is run once at start-up. The embedded engine runs one query at a time: a run's queries start only between the dashboard's requests (a request's several reads hold them off until it is answered, for at most 2 s) and the collector's inserts, so each request waits for at most the one running (0.2–0.7 s over 10,000 functions: a batch holds at most 1 M minute rows and 1,000 functions), and over 10,000 functions a run takes ~22 s of two cores. On a fleet that wide, schedule it less often or use a ClickHouse server (CLICKHOUSE_URL).",
  },
  analysisWindowDays: {
    name: 'FLEETSCOPE_ANALYSIS_WINDOW_DAYS',
    schema: positiveInt,
    default: '14',
    description:
      "Window the analyses look back over (Compute Optimizer's 14-day lookback; at least FLEETSCOPE_RECOMMENDATION_MIN_DAYS for any saving recommendation).",
  },
  // Recommendations a practitioner acts on (issue 9): evidence and materiality gates.
  recommendationMinInvocations: {
    name: 'FLEETSCOPE_RECOMMENDATION_MIN_INVOCATIONS',
    schema: positiveInt,
    default: '50',
    description:
      'Invocations a function needs in the window before it gets a saving recommendation (OOMs and timeouts are always reported).',
  },
  recommendationMinDays: {
    name: 'FLEETSCOPE_RECOMMENDATION_MIN_DAYS',
    schema: positiveInt,
    default: '14',
    description: 'Days of data a function needs before it gets a saving recommendation.',
  },
  recommendationMinSavingUsd: {
    name: 'FLEETSCOPE_RECOMMENDATION_MIN_SAVING_USD',
    schema: nonNegativeNumber,
    default: '1',
    description: 'Smallest monthly saving ($, midpoint of the range) worth a recommendation.',
  },
  recommendationMinSavingPercent: {
    name: 'FLEETSCOPE_RECOMMENDATION_MIN_SAVING_PERCENT',
    schema: nonNegativeNumber,
    default: '5',
    description:
      "Smallest saving, as a percentage of the function's monthly cost, worth a recommendation.",
  },
  recommendationLatencyUsdPerSecond: {
    name: 'FLEETSCOPE_RECOMMENDATION_LATENCY_USD_PER_SECOND',
    schema: nonNegativeNumber,
    default: '0',
    description:
      'What a second of waiting (a cold start, or a call at a slower memory size) is worth to you; 0 keeps dollars and latency apart: provisioned concurrency, keep-alive or a larger memory size that costs more is not advised for speed alone, and a combined figure is shown only when set.',
  },
  containersOffer: {
    name: 'FLEETSCOPE_CONTAINERS_OFFER',
    schema: z.enum(['fargate', 'fargate-spot']),
    default: 'fargate',
    description:
      'Container offer the Lambda comparison prices: on-demand Fargate, or Fargate Spot.',
  },
  fargateSpotDiscountPercent: {
    name: 'FLEETSCOPE_FARGATE_SPOT_DISCOUNT_PERCENT',
    schema: number(z.number().min(0, 'must be 0–100').max(100, 'must be 0–100')),
    default: '70',
    description:
      'Fargate Spot discount off on-demand (AWS: "up to 70 %"; it floats), priced only with FLEETSCOPE_CONTAINERS_OFFER=fargate-spot.',
  },
  fargateSpotDiscountAsOf: {
    name: 'FLEETSCOPE_FARGATE_SPOT_DISCOUNT_AS_OF',
    schema: isoDate,
    default: '2019-12-03',
    description: 'Date the Spot discount above was observed; the price applies from then.',
  },
  pricingTierGrouping: {
    name: 'FLEETSCOPE_PRICING_TIER_GROUPING',
    schema: z.enum(['account', 'organization']),
    default: 'account',
    description:
      "How Lambda duration tiers are totalled: per account, or across an Organization's consolidated bill.",
  },
  // ── weekly reports (issue 10) ──
  reportCron: {
    name: 'FLEETSCOPE_REPORT_CRON',
    schema: cron,
    default: '0 0 6 * * 1',
    description:
      'When the weekly report of the last whole ISO week (weeks are UTC) is built and delivered (cron with seconds; default Monday 06:00).',
  },
  reportTimeZone: {
    name: 'FLEETSCOPE_REPORT_TIME_ZONE',
    schema: timeZone,
    default: 'UTC',
    description: 'Time zone FLEETSCOPE_REPORT_CRON is read in (IANA name).',
  },
  reportBaseUrl: {
    name: 'FLEETSCOPE_REPORT_BASE_URL',
    schema: url,
    description:
      "Public URL of the dashboard, for the link to the HTML report in deliveries. Unset: http://FLEETSCOPE_HOST:FLEETSCOPE_HTTP_PORT, or no link (and a start-up warning) on a wildcard FLEETSCOPE_HOST such as the image's 0.0.0.0.",
  },
  reportWebhookUrl: {
    name: 'FLEETSCOPE_REPORT_WEBHOOK_URL',
    schema: url,
    description:
      'Slack-compatible incoming webhook that receives each weekly report (summary, top movers, link). Unset: no webhook.',
    secret: true,
  },
  reportSmtpUrl: {
    name: 'FLEETSCOPE_REPORT_SMTP_URL',
    schema: smtpUrl,
    description:
      'SMTP server that sends the weekly report as HTML e-mail, e.g. smtps://user:pass@mail.example.com:465. Unset: no e-mail.',
    secret: true,
  },
  reportEmailFrom: {
    name: 'FLEETSCOPE_REPORT_EMAIL_FROM',
    schema: z
      .string()
      .regex(
        /^([^\s@<>]+@[^\s@<>]+|[^<>]*<[^\s@<>]+@[^\s@<>]+>)$/,
        'must be an e-mail address, or a name and <address>',
      ),
    default: 'fleetscope@localhost',
    description: 'Sender of the weekly report e-mail.',
  },
  reportEmailTo: {
    name: 'FLEETSCOPE_REPORT_EMAIL_TO',
    schema: emailList,
    default: '',
    description:
      'Comma-separated recipients of the weekly report e-mail (needed with FLEETSCOPE_REPORT_SMTP_URL).',
  },
  reportDeliveryAttempts: {
    name: 'FLEETSCOPE_REPORT_DELIVERY_ATTEMPTS',
    schema: positiveInt,
    default: '5',
    description: 'Attempts per delivery (webhook, e-mail) before it is recorded as failed.',
  },
  reportRetryBaseMs: {
    name: 'FLEETSCOPE_REPORT_RETRY_BASE_MS',
    schema: positiveInt,
    default: '2000',
    description: 'First retry delay of a delivery; each further retry waits twice as long.',
  },
  openfaasGateways: {
    name: 'FLEETSCOPE_OPENFAAS_GATEWAYS',
    schema: csv,
    default: '',
    description:
      "Comma-separated OpenFaaS gateway URLs to scrape (/metrics, /system/functions), each optionally `name=URL`; the name (default host:port) is the functions' region. Basic-auth credentials may be given in the URL.",
  },
  knativeMetricsUrls: {
    name: 'FLEETSCOPE_KNATIVE_METRICS_URLS',
    schema: csv,
    default: '',
    description:
      'Comma-separated Prometheus endpoints of Knative queue-proxy/activator/autoscaler, each optionally `cluster=URL` (default cluster: FLEETSCOPE_KNATIVE_CLUSTER).',
  },
  scrapeIntervalSeconds: {
    name: 'FLEETSCOPE_SCRAPE_INTERVAL_SECONDS',
    schema: positiveInt,
    default: '60',
    description: 'Scrape interval for OpenFaaS and Knative endpoints.',
  },
  knativeCluster: {
    name: 'FLEETSCOPE_KNATIVE_CLUSTER',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'must be a cluster name (letters, digits, _ . -)'),
    default: 'default',
    description:
      'Cluster name of Knative functions (their region) for metrics URLs without a `cluster=` prefix, pushes without ?cluster, OTLP telemetry without k8s.cluster.name and the Kubernetes API below.',
  },
  kubernetesApiUrl: {
    name: 'FLEETSCOPE_KUBERNETES_API_URL',
    schema: url,
    description:
      'Kubernetes API server whose Knative Services (serving.knative.dev/v1) feed the inventory, e.g. https://kubernetes.default.svc. Unset: no Knative inventory.',
  },
  kubernetesTokenFile: {
    name: 'FLEETSCOPE_KUBERNETES_TOKEN_FILE',
    schema: optionalString,
    description:
      'File holding the bearer token for the Kubernetes API (re-read on every sync, as projected service-account tokens rotate), e.g. /var/run/secrets/kubernetes.io/serviceaccount/token.',
  },
  kubernetesCaFile: {
    name: 'FLEETSCOPE_KUBERNETES_CA_FILE',
    schema: optionalString,
    description:
      'PEM CA bundle that signs the Kubernetes API certificate, e.g. /var/run/secrets/kubernetes.io/serviceaccount/ca.crt.',
  },
  tuningRestoreRetrySeconds: {
    name: 'FLEETSCOPE_TUNING_RESTORE_RETRY_SECONDS',
    schema: nonNegativeInt,
    default: '600',
    description:
      "How long one attempt to put a Lambda function back after a tuning job retries (Lambda's control plane often recovers from throttling or 5xx within minutes). A restore still failing then leaves the job queued with `restore pending: …`; the analyzer tries again after as long again, twice as long each time (at most an hour), until it succeeds or the job is cancelled.",
  },
  lambdaInventoryRegions: {
    name: 'FLEETSCOPE_LAMBDA_INVENTORY_REGIONS',
    schema: awsRegions,
    default: '',
    description:
      'Regions whose Lambda functions are listed through the AWS API (credentials from the usual AWS variables; AWS_ENDPOINT_URL_LAMBDA honoured).',
  },
  nodeVcpuHourUsd: {
    name: 'FLEETSCOPE_NODE_VCPU_HOUR_USD',
    schema: nonNegativeNumber,
    default: '0.0336',
    description: 'Kubernetes node price per vCPU-hour (Knative, OpenFaaS, container comparison).',
  },
  nodeGibHourUsd: {
    name: 'FLEETSCOPE_NODE_GIB_HOUR_USD',
    schema: nonNegativeNumber,
    default: '0.0045',
    description: 'Kubernetes node price per GiB-hour.',
  },
  logLevel: {
    name: 'FLEETSCOPE_LOG_LEVEL',
    schema: logLevel,
    default: 'log',
    description: 'error, warn, log, debug or verbose.',
  },
} satisfies Record<string, EnvSpec>;

export type ConfigKey = keyof typeof ENV;
export type Config = { [K in ConfigKey]: z.output<(typeof ENV)[K]['schema']> };

/**
 * Variables of Fleetscope's own read outside the server's configuration (ENV): by the CLI and by
 * the example senders in examples/, which run beside a function, not beside the server. A name
 * with Fleetscope's prefixes that is neither here nor in ENV is read by nothing (unreadEnvWarnings).
 */
export const OTHER_ENV: Record<string, string> = {
  FLEETSCOPE_URL: 'the CLI: the API it talks to',
  FLEETSCOPE_INGEST_URL: 'the CLI and examples/: where data is sent',
  FLEETSCOPE_REGION: 'examples/cloudwatch-forwarder',
  FLEETSCOPE_TIMEOUT_MS: 'examples/cloudwatch-forwarder',
  FLEETSCOPE_EXTENSION_NAME: 'examples/lambda-extension',
  FLEETSCOPE_ACCOUNT_ID: 'examples/lambda-extension',
  FLEETSCOPE_LISTENER_HOST: 'examples/lambda-extension',
  FLEETSCOPE_LISTENER_PORT: 'examples/lambda-extension',
  FLEETSCOPE_DESTINATION_HOST: 'examples/lambda-extension',
  FLEETSCOPE_BUFFER_TIMEOUT_MS: 'examples/lambda-extension',
  FLEETSCOPE_INSTANCE: 'examples/lambda-extension',
};
