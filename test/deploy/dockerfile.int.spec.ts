import { join } from 'node:path';
import { knownEnvNames, loadConfig } from '@fleetscope/config';
import { outputPath, planBuild } from '@fleetscope/build';
import { execCommand, readDockerfile } from '../support/dockerfile';

const root = join(__dirname, '..', '..');
const stages = readDockerfile(root);
const [buildStage, finalStage] = stages;
const args = (stage: typeof buildStage, op: string) =>
  stage.instructions.filter((i) => i.op === op).map((i) => i.args);
const plan = planBuild(root);

/** Docker cannot run here; this checks the Dockerfile against the build it runs instead. */
describe('Dockerfile', () => {
  it('builds and runs on Node 24 LTS (bookworm-slim), in two stages', () => {
    expect(stages.map((s) => s.from)).toEqual(['node:24-bookworm-slim', 'node:24-bookworm-slim']);
    expect(buildStage.name).toBeDefined();
  });

  it('compiles in the build stage, with every file and folder the build reads copied in', () => {
    const runs = args(buildStage, 'RUN').join('\n');
    expect(runs).toMatch(/^npm ci\b/m);
    expect(runs).toMatch(/^npm run build$/m);
    const copied = args(buildStage, 'COPY').flatMap((a) => a.split(/\s+/).slice(0, -1));
    const read = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json'];
    const tops = new Set([...plan.compile, ...plan.copy].map((f) => f.split('/')[0]));
    for (const path of [...read, 'tools', ...tops, ...plan.runtime]) expect(copied).toContain(path);
  });

  it('ships the compiled dist/ with production dependencies only, and no TypeScript sources', () => {
    const runs = args(finalStage, 'RUN').join('\n');
    expect(runs).toContain('npm ci --omit=dev');
    const copies = args(finalStage, 'COPY');
    expect(copies).toContain(`--from=${buildStage.name} /src/dist ./dist`);
    for (const copy of copies) expect(copy).not.toMatch(/^(apps|libs|tools)\b/);
  });

  it('runs as a non-root user', () => {
    const user = args(finalStage, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('starts a file the build produces, and checks health on the API port the config uses', () => {
    const command = execCommand(finalStage);
    expect(command[0]).toBe('node');
    const built = plan.compile.map((f) => `dist/${outputPath(f)}`);
    expect(built).toContain(command.at(-1));
    const check = args(finalStage, 'HEALTHCHECK').join('\n');
    const port = loadConfig({}).httpPort;
    expect(check).toContain(`http://127.0.0.1:\${FLEETSCOPE_HTTP_PORT:-${port}}/api/health`);
    expect(check).toContain('CMD node -e');
  });

  it('sets only variables the processes read', () => {
    // MALLOC_MMAP_THRESHOLD_ is read by glibc's allocator, UV_THREADPOOL_SIZE by libuv, when the
    // process starts.
    const known = new Set([
      ...knownEnvNames(),
      'NODE_ENV',
      'MALLOC_MMAP_THRESHOLD_',
      'UV_THREADPOOL_SIZE',
    ]);
    for (const env of args(finalStage, 'ENV')) expect(known).toContain(env.split('=')[0]);
  });
});
