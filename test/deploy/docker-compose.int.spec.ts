import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { ENV, knownEnvNames, loadConfig } from '@fleetscope/config';
import { outputPath, planBuild } from '@fleetscope/build';
import { execCommand, readDockerfile } from '../support/dockerfile';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: (string | { path: string; required?: boolean })[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  restart?: string;
  stop_grace_period?: string;
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
/** What `npm run build` writes, as paths in the image (`/app/dist/…`). */
const built = planBuild(root).compile.map((f) => `dist/${outputPath(f)}`);
/** The image's CMD: `node`, its flags, the all-in-one entry. */
const imageCommand = execCommand(readDockerfile(root).at(-1)!);

/**
 * ${VAR:-default} and ${VAR:?message} filled as Compose fills them from `.env`, with a token when
 * required and unset.
 */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
    (_m, name: string, fallback?: string) => dotenv[name] || (fallback ?? 'set-by-operator'),
  );
}

/**
 * The environment a service's container starts with, given the operator's `.env` (undefined: no
 * such file), by Compose's precedence: the `environment` attribute over `env_file`, over the image.
 */
function containerEnv(name: string, dotenv?: Record<string, string>): Record<string, string> {
  const service = compose.services[name];
  const fromFiles: Record<string, string> = {};
  for (const file of service.env_file ?? []) {
    const { path, required = true } = typeof file === 'string' ? { path: file } : file;
    expect(path).toBe('.env');
    if (dotenv === undefined && required) throw new Error(`${name}: .env is required`);
    Object.assign(fromFiles, dotenv);
  }
  const explicit = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [
      k,
      interpolate(String(v), dotenv ?? {}),
    ]),
  );
  return { ...fromFiles, ...explicit };
}

/** Docker cannot run here; this checks the deployment file against the config schema instead. */
describe('docker-compose.yml', () => {
  const apps = ['collector', 'analyzer', 'dashboard'];

  it('pins the ClickHouse server image, keeps its data in a volume and checks the port the apps use', () => {
    const clickhouse = compose.services.clickhouse;
    expect(clickhouse.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.\d+\.\d+(\.\d+)?$/);
    const { port } = new URL(compose.services.collector.environment?.CLICKHOUSE_URL ?? '');
    expect(clickhouse.healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${port}/ping`);
    const data = (clickhouse.volumes ?? []).find((v) => v.endsWith(':/var/lib/clickhouse'));
    expect(Object.keys(compose.volumes ?? {})).toContain(data?.split(':')[0]);
  });

  it.each(apps)(
    'runs %s as its own service from its compiled entry, once ClickHouse is healthy',
    (name) => {
      const service = compose.services[name];
      expect(service.depends_on?.clickhouse.condition).toBe('service_healthy');
      expect(service.command?.[0]).toBe('node');
      expect(service.command?.at(-1)).toBe(`dist/apps/${name}/src/main.js`);
      expect(built).toContain(service.command?.at(-1));
      expect(service.environment?.CLICKHOUSE_URL).toBe('http://clickhouse:8123');
    },
  );

  it('applies the migrations once, in a one-shot service that every app waits for', () => {
    // Their backfills copy the stored rows "while the table is still empty" (migrations/0024):
    // three apps migrating at once could each pass that check and copy them two or three times.
    const migrate = compose.services.migrate;
    expect(migrate.command?.at(-1)).toBe('dist/libs/storage/src/migrations/migrate.cli.js');
    expect(built).toContain(migrate.command?.at(-1));
    expect(migrate.depends_on?.clickhouse.condition).toBe('service_healthy');
    expect(migrate.environment?.CLICKHOUSE_URL).toBe('http://clickhouse:8123');
    expect(migrate.restart ?? 'no').toBe('no');
    expect(migrate.healthcheck?.disable).toBe(true);
    for (const name of apps) {
      expect([name, compose.services[name].depends_on?.migrate?.condition]).toEqual([
        name,
        'service_completed_successfully',
      ]);
    }
  });

  it.each(['clickhouse', ...apps])(
    'restarts %s unless stopped (after a host reboot or an out-of-memory kill)',
    (name) => {
      // Compose's default is "no": a ClickHouse killed once left every app failing its ping.
      expect([name, compose.services[name].restart]).toEqual([name, 'unless-stopped']);
    },
  );

  it('gives the analyzer the time to put a function under a tuning job back before it is killed', () => {
    // Docker's default is 10 s; runProcess gives a shutdown at most 30 s before it exits 1.
    const grace = /^(\d+)s$/.exec(compose.services.analyzer.stop_grace_period ?? '');
    expect(Number(grace?.[1])).toBeGreaterThanOrEqual(60);
  });

  it.each(apps)('runs %s with the node flags of the image CMD (README, "Memory")', (name) => {
    expect(compose.services[name].command?.slice(0, -1)).toEqual(imageCommand.slice(0, -1));
  });

  it.each([...apps, 'migrate'])(
    'connects %s as the user, with the password and to the database the ClickHouse service creates',
    (name) => {
      const server = compose.services.clickhouse.environment ?? {};
      const app = compose.services[name].environment ?? {};
      expect([app.CLICKHOUSE_USER, app.CLICKHOUSE_PASSWORD, app.CLICKHOUSE_DATABASE]).toEqual([
        server.CLICKHOUSE_USER,
        server.CLICKHOUSE_PASSWORD,
        server.CLICKHOUSE_DB,
      ]);
    },
  );

  it.each(apps)(
    'gives %s the schema settings of the migrate service (each app sets the TTLs again at start)',
    (name) => {
      const schema = [
        ENV.rawRetentionDays.name,
        ENV.aggregateRetentionDays.name,
        ENV.clickhouseCluster.name,
      ];
      const settings = (service: string) =>
        schema.map((v) => compose.services[service].environment?.[v]);
      expect(settings(name)).toEqual(settings('migrate'));
    },
  );

  it('gives each app a named volume of its own at its data directory (the ingest log outlives the container)', () => {
    const config = loadConfig({ FLEETSCOPE_INGEST_TOKEN: 'x', FLEETSCOPE_API_TOKEN: 'y' });
    // The image's WORKDIR is /app.
    expect(posix.resolve('/app', config.dataDir)).toBe('/app/data');
    const mounts = apps.map((name) => {
      const mount = (compose.services[name].volumes ?? []).find((v) => v.endsWith(':/app/data'));
      expect(mount).toBeDefined();
      return mount!.split(':')[0];
    });
    expect(new Set(mounts).size).toBe(apps.length);
    for (const volume of mounts) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('checks the collector on its own health route (the image checks the API it lacks)', () => {
    const config = loadConfig(containerEnv('collector'));
    const check = compose.services.collector.healthcheck?.test ?? [];
    expect(check.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(check.join(' ')).toContain(`http://127.0.0.1:${config.otlpHttpPort}/health`);
    // The image's check reads FLEETSCOPE_HTTP_PORT in the container, where the dashboard's is set.
    expect(compose.services.dashboard.healthcheck).toBeUndefined();
  });

  it.each([...apps, 'migrate'])(
    'sets only variables %s reads, with values its config accepts',
    (name) => {
      const environment = compose.services[name].environment ?? {};
      const known = new Set(knownEnvNames());
      for (const variable of Object.keys(environment)) expect(known).toContain(variable);
      expect(() => loadConfig(containerEnv(name))).not.toThrow();
    },
  );

  it.each([...apps, 'migrate'])(
    "passes %s the operator's .env when there is one, and starts without one",
    (name) => {
      const dotenv = {
        FLEETSCOPE_INGEST_TOKEN: 'ingest',
        FLEETSCOPE_API_TOKEN: 'api',
        FLEETSCOPE_REPORT_SMTP_URL: 'smtps://user:pass@mail.example.com:465',
        FLEETSCOPE_REPORT_EMAIL_TO: 'finance@example.com',
        FLEETSCOPE_REPORT_WEBHOOK_URL: 'https://hooks.example.com/x',
        FLEETSCOPE_REPORT_BASE_URL: 'https://fleetscope.example.com',
        FLEETSCOPE_OPENFAAS_GATEWAYS: 'http://gateway:8080',
        FLEETSCOPE_AGGREGATE_RETENTION_DAYS: '400',
        FLEETSCOPE_ANALYSIS_CRON: '0 0 * * * *',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
      };
      const env = containerEnv(name, dotenv);
      for (const [variable, value] of Object.entries(dotenv)) {
        expect([variable, env[variable]]).toEqual([variable, value]);
      }
      expect(() => loadConfig(env)).not.toThrow();
      expect(() => loadConfig(containerEnv(name))).not.toThrow();
      expect(compose.services.clickhouse.env_file).toBeUndefined();
    },
  );

  it.each([...apps, 'migrate'])(
    "keeps what the deployment depends on in %s when the operator's .env sets it otherwise",
    (name) => {
      // Values fit for `npm start` on the host: each would break a container if it got through.
      const dotenv = {
        FLEETSCOPE_INGEST_TOKEN: 'ingest',
        FLEETSCOPE_API_TOKEN: 'api',
        FLEETSCOPE_HOST: '127.0.0.1',
        FLEETSCOPE_HTTP_PORT: '9080',
        FLEETSCOPE_OTLP_HTTP_PORT: '9318',
        FLEETSCOPE_OTLP_GRPC_PORT: '9317',
        FLEETSCOPE_DATA_DIR: '/var/lib/fleetscope',
        CLICKHOUSE_URL: 'http://localhost:8123',
        CLICKHOUSE_DATABASE: 'default',
        CLICKHOUSE_USER: 'default',
      };
      const unset = loadConfig(
        containerEnv(name, { FLEETSCOPE_INGEST_TOKEN: 'ingest', FLEETSCOPE_API_TOKEN: 'api' }),
      );
      const config = loadConfig(containerEnv(name, dotenv));
      const pinned = (c: typeof config) => [
        c.host,
        c.httpPort,
        c.otlpHttpPort,
        c.otlpGrpcPort,
        posix.resolve('/app', c.dataDir),
        c.clickhouseUrl,
        c.clickhouseDatabase,
        c.clickhouseUser,
      ];
      expect(pinned(config)).toEqual(pinned(unset));
      expect([config.ingestToken, config.apiToken]).toEqual(['ingest', 'api']);
    },
  );

  it('publishes the ports the apps listen on', () => {
    const listens = (name: string) => loadConfig(containerEnv(name));
    const published = (name: string) =>
      (compose.services[name].ports ?? []).map((p) => p.split(':'));
    const { otlpGrpcPort, otlpHttpPort } = listens('collector');
    expect(published('collector')).toEqual(
      expect.arrayContaining([
        [String(otlpGrpcPort), String(otlpGrpcPort)],
        [String(otlpHttpPort), String(otlpHttpPort)],
      ]),
    );
    const { httpPort } = listens('dashboard');
    expect(published('dashboard')).toEqual([[String(httpPort), String(httpPort)]]);
    expect(ENV.host.default).toBe('127.0.0.1');
  });
});
