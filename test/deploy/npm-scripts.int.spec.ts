import { readFileSync } from 'node:fs';
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
