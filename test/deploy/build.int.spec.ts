import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, checkOutDir, outputPath, planBuild } from '@fleetscope/build';

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

describe(build.name, () => {
  // A made-up repository: one app importing a library through a tsconfig path, one extra folder.
  const work = mkdtempSync(join(tmpdir(), 'fleetscope-build-'));
  const root = join(work, 'repo');
  const files: Record<string, string> = {
    'tsconfig.base.json': JSON.stringify({
      compilerOptions: { paths: { '@made-up/lib': ['libs/lib/src/index.ts'] } },
    }),
    'package.json': '{"name":"made-up"}',
    'dashboards/index.html': '<!doctype html>',
    'migrations/0001_init.sql': 'SELECT 1',
    'libs/lib/src/index.ts': 'export const answer: number = 42;',
    'apps/app/src/main.ts': "import { answer } from '@made-up/lib';\nconsole.log(answer);",
    'test/support/child.ts': "import { answer } from '@made-up/lib';\nconsole.log(answer + 1);",
  };
  beforeAll(() => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('replaces the previous output whole, with extra folders compiled, and leaves nothing beside it', async () => {
    const out = join(work, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.js'), 'throw new Error("a file of an older build")');

    await build(out, root, ['test/support']);

    expect(existsSync(join(out, 'stale.js'))).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['dist', 'repo']);
    const run = (file: string) =>
      execFileSync(process.execPath, [join(out, file)], { encoding: 'utf8' });
    expect(run('apps/app/src/main.js')).toBe('42\n');
    expect(run('test/support/child.js')).toBe('43\n');
    expect(existsSync(join(out, 'migrations/0001_init.sql'))).toBe(true);
  });
});
