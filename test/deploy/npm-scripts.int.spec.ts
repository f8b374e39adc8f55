import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputPath, planBuild } from '@fleetscope/build';

const root = join(__dirname, '..', '..');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const built = planBuild(root).compile.map((f) => `dist/${outputPath(f)}`);

/**
 * `npm run start:collector`, `start:analyzer` and `start:dashboard` run one app each on a
 * ClickHouse server (README, "Deployment"): like `npm start`, they build first and run the
 * compiled app with its allocator variable and V8 flags (README, "Memory": "Starting the process
 * another way, pass the same"), without the TypeScript compiler in the process.
 */
describe('package.json start scripts', () => {
  const entry = (script: string) => script.trim().split(/\s+/).at(-1);

  it('runs the compiled all-in-one app after a build', () => {
    expect(scripts.prestart).toBe('npm run --silent build');
    expect(built).toContain(entry(scripts.start));
  });

  it.each(['start', 'start:collector', 'start:analyzer', 'start:dashboard'])(
    "%s replaces npm's shell with node, so a signal to npm reaches the process",
    async (name) => {
      // A review: SIGTERM to npm ended npm and its `sh -c`, and node kept running under PID 1,
      // holding the ports and the data directory (dash forks for a command with assignments).
      // npm forwards the signal to its shell, as this test sends it to the shell.
      const dir = mkdtempSync(join(tmpdir(), 'fleetscope-exec-'));
      try {
        const entry = join(dir, 'main.js');
        writeFileSync(
          entry,
          "process.on('SIGTERM', () => { console.log('SIGTERM ' + process.env.UV_THREADPOOL_SIZE); process.exit(0); }); console.log('ready'); setInterval(() => {}, 1000);",
        );
        const shell = spawn('/bin/sh', ['-c', scripts[name].replace(/\S+$/, entry)], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        const ready = new Promise<void>((resolve) =>
          shell.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('ready')) resolve();
          }),
        );
        await ready;
        const exited = new Promise<number | null>((resolve) => shell.on('exit', resolve));
        shell.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(out).toContain('SIGTERM 16');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.each(['collector', 'analyzer', 'dashboard'])(
    'runs %s alone as npm start runs the all-in-one app',
    (app) => {
      const script = scripts[`start:${app}`];
      expect(scripts[`prestart:${app}`]).toBe(scripts.prestart);
      expect(entry(script)).toBe(`dist/apps/${app}/src/main.js`);
      expect(built).toContain(entry(script));
      expect(script.replace(/\S+$/, '')).toBe(scripts.start.replace(/\S+$/, ''));
    },
  );
});
