import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lambdaTraceRequest } from '../collector/support/otlp-requests';
import { execCommand, readDockerfile } from '../support/dockerfile';
import {
  freeProcessPorts,
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

  beforeAll(() =>
    symlinkSync(realpathSync(join(REPOSITORY_ROOT, 'node_modules')), join(app, 'node_modules')),
  );
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('is built by `npm run build`, stores an OTLP span, exits 0 on SIGTERM and prints no warning', async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build', '--', join(app, 'dist')], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);

    const ports = await freeProcessPorts();
    // The image's CMD, in the image's working directory layout.
    const [node, ...args] = execCommand(image);
    expect(node).toBe('node');
    const server = spawnFleetscope(
      args,
      { ...ports.env, FLEETSCOPE_DATA_DIR: join(app, 'data'), NODE_ENV: 'production' },
      app,
    );
    try {
      expect(await waitUntilHealthy(server, `${ports.apiUrl}/api/health`, 60_000)).toEqual({
        status: 'ok',
        clickhouse: { mode: 'embedded', ok: true },
        version: expect.any(String),
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
          FLEETSCOPE_HTTP_PORT: ports.env.FLEETSCOPE_HTTP_PORT,
        },
      });
      expect(probe.status).toBe(0);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('1 migration(s) applied');
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
