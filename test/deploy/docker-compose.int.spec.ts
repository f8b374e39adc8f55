import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ENV, knownEnvNames, loadConfig } from '@fleetscope/config';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Docker cannot run here; this checks the deployment file against the config schema instead. */
describe('docker-compose.yml', () => {
  const apps = ['collector', 'analyzer', 'dashboard'];

  it('pins the ClickHouse server image and gives it a healthcheck', () => {
    const clickhouse = compose.services.clickhouse;
    expect(clickhouse.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.\d+\.\d+(\.\d+)?$/);
    expect(clickhouse.healthcheck?.test.join(' ')).toContain('/ping');
  });

  it.each(apps)('runs %s as its own service, started once ClickHouse is healthy', (name) => {
    const service = compose.services[name];
    expect(service.depends_on?.clickhouse.condition).toBe('service_healthy');
    const script = service.command?.[service.command.length - 1] ?? '';
    expect(scripts[script]).toContain(`apps/${name}/src/main.ts`);
    expect(service.environment?.CLICKHOUSE_URL).toBe('http://clickhouse:8123');
  });

  it.each(apps)('sets only variables %s reads, with values its config accepts', (name) => {
    const environment = compose.services[name].environment ?? {};
    const known = new Set(knownEnvNames());
    for (const variable of Object.keys(environment)) expect(known).toContain(variable);
    // ${VAR:-default} and ${VAR:?message} are filled as Compose would, with a token when required.
    const resolved = Object.fromEntries(
      Object.entries(environment).map(([k, v]) => [
        k,
        String(v).replace(
          /\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
          (_m, _n: string, d?: string) => d ?? 'set-by-operator',
        ),
      ]),
    );
    expect(() => loadConfig(resolved)).not.toThrow();
  });

  it('publishes the ports the config listens on', () => {
    const config = loadConfig({ FLEETSCOPE_INGEST_TOKEN: 'x', FLEETSCOPE_API_TOKEN: 'y' });
    const published = (name: string) =>
      (compose.services[name].ports ?? []).map((p) => p.split(':'));
    expect(published('collector')).toEqual(
      expect.arrayContaining([
        [String(config.otlpGrpcPort), String(config.otlpGrpcPort)],
        [String(config.otlpHttpPort), String(config.otlpHttpPort)],
      ]),
    );
    expect(published('dashboard')).toEqual([[String(config.httpPort), String(config.httpPort)]]);
    expect(ENV.host.default).toBe('127.0.0.1');
  });
});
