import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR, readMigrations } from '@fleetscope/storage';
import { lambdaTraceRequest } from '../collector/support/otlp-requests';
import { execCommand, readDockerfile } from '../support/dockerfile';
import {
  ANY_FREE_PORTS,
  buildApp,
  listeningOn,
  REPOSITORY_ROOT,
  RUNTIME_WARNING,
  spawnFleetscope,
  waitUntilHealthy,
} from '../support/fleetscope-process';

/**
 * The production layout without a container engine: `npm run build` writes dist/ into an empty
 * folder whose node_modules sits beside it (`/app/dist` and `/app/node_modules` in the image), and
 * the compiled all-in-one process runs there with no TypeScript sources in reach.
 */
const image = readDockerfile(REPOSITORY_ROOT).at(-1)!;

describe('the compiled all-in-one process', () => {
  const app = mkdtempSync(join(tmpdir(), 'fleetscope-compiled-'));

  beforeAll(() => buildApp(app));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('requires only Node built-ins and production dependencies (the image installs no others)', () => {
    const { dependencies } = JSON.parse(
      readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    const compiled = readdirSync(join(app, 'dist'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.js'),
    );
    expect(compiled).toContain('apps/fleetscope/src/main.js');
    const required = new Set<string>();
    const outside = new Set<string>();
    for (const file of compiled) {
      const code = readFileSync(join(app, 'dist', file), 'utf8');
      for (const [, specifier] of code.matchAll(/\brequire\(["']([^"']+)["']\)/g)) {
        if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        required.add(name);
        if (!(name in dependencies)) outside.add(`${file}: ${specifier}`);
      }
    }
    expect([...outside]).toEqual([]);
    // Packages stay plain requires resolved from node_modules: chdb (a native addon) is not bundled.
    expect([...required]).toEqual(expect.arrayContaining(['@nestjs/core', 'chdb']));
  });

  it("runs with the image's CMD, stores an OTLP span, exits 0 on SIGTERM and prints no warning", async () => {
    // The image's CMD, in the image's working directory layout.
    const [node, ...args] = execCommand(image);
    expect(node).toBe('node');
    const server = spawnFleetscope(
      args,
      { ...ANY_FREE_PORTS, FLEETSCOPE_DATA_DIR: join(app, 'data'), NODE_ENV: 'production' },
      app,
    );
    try {
      const ports = await listeningOn(server, 60_000);
      expect(await waitUntilHealthy(server, `${ports.apiUrl}/api/health`, 60_000)).toEqual({
        status: 'ok',
        clickhouse: { mode: 'embedded', ok: true },
        version: expect.any(String),
        // Port 0: the system picks the ports, there is no number to name.
        collector: { otlpHttpPort: null, otlpGrpcPort: null },
      });
      const sent = await fetch(`${ports.ingestUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(lambdaTraceRequest('compiled-checkout', [{ durationMs: 42 }])),
      });
      expect(sent.status).toBe(200);
      // Acknowledged means stored; the aggregate behind /api/functions is fed in the same insert.
      const listed = (await fetch(`${ports.apiUrl}/api/functions`).then((r) => r.json())) as {
        functions: { name: string; invocations: number }[];
      };
      expect(listed.functions).toEqual([
        expect.objectContaining({ name: 'compiled-checkout', invocations: 1 }),
      ]);
      // The dashboard pages and migrations are found from the compiled files' location.
      expect((await fetch(`${ports.apiUrl}/`)).status).toBe(200);

      // The image's HEALTHCHECK command, through a shell as Docker runs it.
      const healthcheck = image.instructions.find((i) => i.op === 'HEALTHCHECK')!.args;
      const probe = spawnSync('sh', ['-c', healthcheck.slice(healthcheck.indexOf('CMD ') + 4)], {
        env: {
          PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
          FLEETSCOPE_HTTP_PORT: String(ports.httpPort),
        },
      });
      expect(probe.status).toBe(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain(
      `${readMigrations(MIGRATIONS_DIR).length} migration(s) applied`,
    );
    expect(server.output()).not.toMatch(RUNTIME_WARNING);

    // bin/fleetscope.js beside dist/ and no sources, as in the image: the compiled CLI answers.
    cpSync(join(REPOSITORY_ROOT, 'bin'), join(app, 'bin'), { recursive: true });
    const cli = spawnSync(process.execPath, [join(app, 'bin', 'fleetscope.js'), '--version'], {
      cwd: app,
      encoding: 'utf8',
    });
    const { version } = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect({ status: cli.status, stdout: cli.stdout.trim(), stderr: cli.stderr }).toEqual({
      status: 0,
      stdout: version,
      stderr: '',
    });
  }, 120_000);
});
