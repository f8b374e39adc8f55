import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV, knownEnvNames } from '@fleetscope/config';
import { endpointsFrom } from '@fleetscope/cli';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every configuration variable', () => {
    for (const name of knownEnvNames())
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
  });

  it('gives each variable its real default in the default column (— when it has none)', () => {
    const documented = new Map(
      readme
        .split('\n')
        .map((line) => /^\|\s*`([A-Z_]+)`\s*\|\s*([^|]*?)\s*\|([^|]*)\|/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], { column: m[2], meaning: m[3] }]),
    );
    for (const spec of Object.values(ENV)) {
      const fallback = 'default' in spec ? spec.default : '';
      const expected = fallback === '' ? '—' : `\`${fallback}\``;
      const row = documented.get(spec.name);
      // A default too wide for the column is given in the meaning instead.
      const inMeaning =
        row?.column === '(see meaning)' && row.meaning.includes(`(default ${fallback})`);
      expect([spec.name, inMeaning ? expected : row?.column]).toEqual([spec.name, expected]);
    }
  });

  it('documents the variables the CLI reads, with the URLs it uses when they are unset', () => {
    const unset = endpointsFrom({}, {});
    for (const [name, fallback] of [
      ['FLEETSCOPE_URL', unset.apiUrl],
      ['FLEETSCOPE_INGEST_URL', unset.ingestUrl],
    ]) {
      expect(readme).toMatch(new RegExp(`\`${name}\`[^\n]*\`${fallback}\``));
    }
    const set = endpointsFrom(
      {},
      { FLEETSCOPE_URL: 'http://a:1', FLEETSCOPE_INGEST_URL: 'http://b:2' },
    );
    expect([set.apiUrl, set.ingestUrl]).toEqual(['http://a:1', 'http://b:2']);
  });

  it('gives the two-command set-up that .ci/run executes', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
