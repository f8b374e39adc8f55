import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CHROMIUM, chromiumPath } from '../support/chromium-page';

/** `npm test` needs a Chromium: where the browser specs look for it (README, "Contributing"). */
describe(chromiumPath.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH when set', () => {
    const binary = join(dir, 'chrome');
    writeFileSync(binary, '');
    expect(chromiumPath({ CHROMIUM_PATH: binary })).toBe(binary);
  });

  it("names a missing Chromium with the fix instead of playwright's launch failure", () => {
    const missing = join(dir, 'none');
    expect(() => chromiumPath({ CHROMIUM_PATH: missing })).toThrow(
      `no Chromium at ${missing} (CHROMIUM_PATH): the browser specs need one. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    );
  });

  it("looks for Debian's Chromium otherwise", () => {
    expect(DEFAULT_CHROMIUM).toBe('/usr/bin/chromium');
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
  });
});
