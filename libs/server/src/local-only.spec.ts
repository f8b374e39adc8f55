import { localOnlyRefusal } from './local-only';

const open = { host: '127.0.0.1', apiToken: undefined };

describe(localOnlyRefusal.name, () => {
  it('defect (any web page could drive an API without a token): refuses another site’s Origin and a Host that is not this machine', () => {
    // A page of evil.example posting without a body (no preflight).
    expect(
      localOnlyRefusal({ host: '127.0.0.1:8080', origin: 'https://evil.example' }, open),
    ).toMatch(/^Origin "https:\/\/evil.example" is another site/);
    // evil.example rebound to 127.0.0.1: same-origin for the browser, but the Host says so.
    expect(
      localOnlyRefusal({ host: 'evil.example:8080', origin: 'http://evil.example:8080' }, open),
    ).toMatch(/^Host "evil.example:8080" is not this machine/);
    expect(localOnlyRefusal({ host: 'evil.example:8080' }, open)).not.toBeNull();
    expect(localOnlyRefusal({}, open)).not.toBeNull();
    expect(localOnlyRefusal({ host: '127.0.0.1', origin: 'null' }, open)).not.toBeNull();
  });

  it("answers this machine's own pages and tools, and every request once a token guards the API", () => {
    for (const host of [
      '127.0.0.1:8080',
      'localhost:8080',
      '[::1]:8080',
      'app.localhost',
      'LOCALHOST',
    ]) {
      expect(localOnlyRefusal({ host }, open)).toBeNull();
      expect(localOnlyRefusal({ host, origin: `http://${host}` }, open)).toBeNull();
    }
    expect(
      localOnlyRefusal({ host: '127.0.0.1:8080', origin: 'http://localhost:8080' }, open),
    ).toBeNull();
    const guarded = { host: '127.0.0.1', apiToken: 'secret' };
    expect(
      localOnlyRefusal({ host: 'evil.example', origin: 'https://evil.example' }, guarded),
    ).toBeNull();
    // Beyond loopback a token is required at start-up: the check has nothing to add.
    expect(
      localOnlyRefusal({ host: 'fleetscope.example' }, { host: '0.0.0.0', apiToken: 't' }),
    ).toBeNull();
  });
});
