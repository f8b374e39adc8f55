import { ConfigError } from '@fleetscope/config';
import { endpointOf, parseTargetList } from './platform-targets';

describe(parseTargetList.name, () => {
  const host = (url: URL) => url.host;

  it('names a target by its name= prefix, else by the default, and hides credentials', () => {
    const targets = parseTargetList(
      'VAR',
      ['edge-1=http://admin:pw@gw.example:8080', 'https://gw2.example/metrics?x=a=b'],
      host,
    );
    expect(targets.map((t) => [t.label, t.shown])).toEqual([
      ['edge-1', 'http://gw.example:8080/'],
      ['gw2.example', 'https://gw2.example/metrics?x=a=b'],
    ]);
    expect(targets[0].url.password).toBe('pw');
  });

  it('refuses entries that are not http(s) URLs, naming the variable', () => {
    expect(() => parseTargetList('FLEETSCOPE_X', ['gw:8080', 'ftp://gw'], host)).toThrow(
      ConfigError,
    );
    expect(() => parseTargetList('FLEETSCOPE_X', ['bad name=http://gw'], host)).toThrow(
      /FLEETSCOPE_X: name "bad name"/,
    );
  });
});

describe(endpointOf.name, () => {
  it('appends a path to a gateway URL, keeping its prefix and credentials', () => {
    expect(endpointOf(new URL('http://u:p@gw:8080/openfaas/'), 'system/functions').href).toBe(
      'http://u:p@gw:8080/openfaas/system/functions',
    );
    expect(endpointOf(new URL('http://gw:8080'), 'metrics').href).toBe('http://gw:8080/metrics');
  });
});
