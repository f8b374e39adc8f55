/**
 * `npm run build [-- <outDir>]`: compiles apps/ and libs/ to CommonJS JavaScript (default `dist/`)
 * and copies beside it what the compiled processes read at run time, so the output is a
 * self-contained app root whose `node_modules` sits one level up (`/app/dist` and
 * `/app/node_modules` in the image).
 *
 * SWC with the transform jest and @swc-node/register use (legacy decorators with their metadata,
 * which NestJS injection reads), and the tsconfig `paths` rewritten to relative requires. No
 * bundling: chdb is a native addon and stays a plain `require` resolved from node_modules.
 */
import { transformFile, type Options } from '@swc/core';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['apps', 'libs'];
/**
 * Read at run time through paths relative to the compiled files (`MIGRATIONS_DIR`,
 * `DASHBOARDS_DIR`, the version the dashboard and the CLI read from package.json), so they keep
 * the repository's layout.
 */
const RUNTIME_FILES = ['package.json', 'dashboards', 'migrations'];

export interface BuildPlan {
  /** TypeScript sources to compile, relative to the root. */
  compile: string[];
  /** JavaScript that ships as it is (the generated protobuf code), relative to the root. */
  copy: string[];
  /** Files and folders read at run time, relative to the root. */
  runtime: string[];
}

/** Where a planned source lands, relative to the output folder. */
export function outputPath(source: string): string {
  return source.replace(/\.ts$/, '.js');
}

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('__')) walk(path, found); // __fixtures__: test data
    } else found.push(path);
  }
  return found;
}

/**
 * Every project's `src/` except specs, declarations and fixtures, and every file of `extraDirs`
 * (folders relative to the root, e.g. the benchmarks' child process and the test support it
 * imports, which a benchmark runs compiled as `npm start` runs the app).
 */
export function planBuild(root = ROOT, extraDirs: readonly string[] = []): BuildPlan {
  const sources = [
    ...SOURCE_DIRS.flatMap((top) =>
      readdirSync(join(root, top), { withFileTypes: true })
        .filter((project) => project.isDirectory())
        .flatMap((project) => {
          const src = join(root, top, project.name, 'src');
          return existsSync(src) ? walk(src) : [];
        }),
    ),
    ...extraDirs.flatMap((dir) => walk(join(root, dir))),
  ].map((path) => relative(root, path).split(sep).join('/'));
  return {
    compile: sources
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
      .sort(),
    copy: sources.filter((f) => f.endsWith('.js')).sort(),
    runtime: RUNTIME_FILES,
  };
}

function swcOptions(root: string, file: string): Options {
  const { compilerOptions } = JSON.parse(
    readFileSync(join(root, 'tsconfig.base.json'), 'utf8'),
  ) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return {
    filename: file,
    // The map names the source beside the compiled file: no build machine's path in the image.
    sourceFileName: basename(file),
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    jsc: {
      target: 'es2022',
      baseUrl: root,
      paths: compilerOptions.paths,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  };
}

/** The output folder, resolved; throws when emptying it would delete the sources. */
export function checkOutDir(outDir: string, root = ROOT): string {
  const out = resolve(outDir);
  if (!relative(out, resolve(root)).startsWith('..'))
    throw new Error(`refusing to empty ${out}: it holds the sources`);
  return out;
}

/**
 * Compiles and copies the plan into `outDir`, replacing what was there; returns the plan. The
 * output is written beside `outDir` and renamed into place, so a process started from the previous
 * output (`npm start` builds dist/ at every start) never reads a half-written or emptied folder.
 */
export async function build(
  outDir: string,
  root = ROOT,
  extraDirs: readonly string[] = [],
): Promise<BuildPlan> {
  const out = checkOutDir(outDir, root);
  const fresh = `${out}.building-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const plan = planBuild(root, extraDirs);
  try {
    await writeBuild(plan, fresh, root);
    if (existsSync(out)) renameSync(out, old);
    renameSync(fresh, out);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return plan;
}

async function writeBuild(plan: BuildPlan, out: string, root: string): Promise<void> {
  await Promise.all(
    plan.compile.map(async (source) => {
      const file = join(root, source);
      const target = join(out, outputPath(source));
      const { code, map } = await transformFile(file, swcOptions(root, file));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${basename(target)}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
    }),
  );
  for (const file of [...plan.copy, ...plan.runtime])
    cpSync(join(root, file), join(out, file), { recursive: true });
}

if (require.main === module) {
  const outDir = process.argv[2] ?? join(ROOT, 'dist');
  const started = Date.now();
  build(outDir).then(
    (plan) =>
      process.stdout.write(
        `build: ${plan.compile.length} files compiled, ${plan.copy.length + plan.runtime.length} copied into ${resolve(outDir)} in ${Date.now() - started} ms\n`,
      ),
    (error: unknown) => {
      process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
