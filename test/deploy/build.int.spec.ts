import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutDir, outputPath, planBuild } from '@fleetscope/build';

const root = join(__dirname, '..', '..');
const plan = planBuild(root);

describe(planBuild.name, () => {
  it('compiles every app entry and no spec, declaration or fixture', () => {
    for (const app of ['fleetscope', 'collector', 'analyzer', 'dashboard', 'cli'])
      expect(plan.compile).toContain(`apps/${app}/src/main.ts`);
    for (const file of plan.compile) {
      expect(file).toMatch(/^(apps|libs)\/[^/]+\/src\/.+\.ts$/);
      expect(file).not.toMatch(/\.spec\.ts$|\.d\.ts$|\/__\w+__\//);
    }
  });

  it('ships the generated protobuf code as it is, and what the processes read at run time', () => {
    expect(plan.copy).toContain('libs/otlp/src/generated/otlp.js');
    expect(plan.runtime).toEqual(expect.arrayContaining(['dashboards', 'migrations']));
    for (const path of plan.runtime) expect(existsSync(join(root, path))).toBe(true);
  });

  it('maps a source to the .js file beside it in the output', () => {
    expect(outputPath('apps/fleetscope/src/main.ts')).toBe('apps/fleetscope/src/main.js');
  });
});

describe(checkOutDir.name, () => {
  // A made-up checkout: checkOutDir only resolves paths, so nothing real is at stake.
  const repo = '/srv/checkout/fleetscope';

  it.each([repo, '/srv/checkout', '/'])('refuses %s, which holds the sources', (outDir) => {
    expect(() => checkOutDir(outDir, repo)).toThrow('it holds the sources');
  });

  it.each([`${repo}/dist`, '/tmp/fleetscope-build/dist', '/srv/checkout/fleetscope-dist'])(
    'accepts %s',
    (outDir) => expect(checkOutDir(outDir, repo)).toBe(outDir),
  );
});
