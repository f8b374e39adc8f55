import { ENV, OTHER_ENV } from './config.schema';
import { loadConfig } from './config.loader';
import { readEnvNames, unreadEnvWarnings, warnUnreadEnv } from './unread-env';

describe(unreadEnvWarnings.name, () => {
  it('names a misspelt variable and the one meant (its setting silently kept the default)', () => {
    const env = { FLEETSCOPE_RETENTION_DAY: '7' };
    expect(loadConfig(env).rawRetentionDays).toBe(30);
    const warnings = unreadEnvWarnings(env);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('FLEETSCOPE_RETENTION_DAY is not read by Fleetscope');
    expect(warnings[0]).toContain(`did you mean ${ENV.rawRetentionDays.name}?`);
  });

  it.each([
    ['FLEETSCOPE_RETENTION', ENV.rawRetentionDays.name],
    ['FLEETSCOPE_RAW_RETENTION_DAYS', ENV.rawRetentionDays.name],
    ['FLEETSCOPE_LOGLEVEL', ENV.logLevel.name],
    ['FLEETSCOPE_REPORT_SMTP', ENV.reportSmtpUrl.name],
    ['FLEETSCOPE_OPENFAAS_GATEWAY', ENV.openfaasGateways.name],
    ['CLICKHOUSE_CLUSTER', ENV.clickhouseCluster.name],
    ['FLEETSCOPE_CLICKHOUSE_URL', ENV.clickhouseUrl.name],
    ['CLICKHOUSE_DB', ENV.clickhouseDatabase.name],
    ['CLICKHOUSE_PASS', ENV.clickhousePassword.name],
  ])('suggests for %s the variable %s', (name, meant) => {
    expect(unreadEnvWarnings({ [name]: 'x' })).toEqual([
      `${name} is not read by Fleetscope and is ignored: did you mean ${meant}? (README, "Configuration")`,
    ]);
  });

  it('suggests nothing where no name is near', () => {
    expect(unreadEnvWarnings({ FLEETSCOPE_PORT: '1', FLEETSCOPE_FOO: '1' })).toEqual([
      'FLEETSCOPE_FOO is not read by Fleetscope and is ignored (README, "Configuration")',
      'FLEETSCOPE_PORT is not read by Fleetscope and is ignored (README, "Configuration")',
    ]);
  });

  it('says a ClickHouse host or port alone leaves Fleetscope on embedded ClickHouse', () => {
    const env = { CLICKHOUSE_HOST: 'ch.internal', CLICKHOUSE_PORT: '8123' };
    expect(loadConfig(env).clickhouseUrl).toBeUndefined();
    const warnings = unreadEnvWarnings(env);
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) {
      expect(warning).toMatch(
        /^CLICKHOUSE_(HOST|PORT) is not read by Fleetscope: it reads the server's address from CLICKHOUSE_URL .*; with CLICKHOUSE_URL unset it runs embedded ClickHouse$/,
      );
    }
    expect(unreadEnvWarnings({ ...env, CLICKHOUSE_URL: 'http://ch:8123' })[0]).toBe(
      'CLICKHOUSE_HOST is not read by Fleetscope, which reaches ClickHouse at CLICKHOUSE_URL alone',
    );
  });

  it('warns of no variable Fleetscope, its CLI or its examples read, nor of other prefixes', () => {
    const env = Object.fromEntries(readEnvNames().map((name) => [name, 'x']));
    expect(Object.keys(env)).toEqual(expect.arrayContaining(Object.keys(OTHER_ENV)));
    expect(
      unreadEnvWarnings({ ...env, AWS_REGION: 'eu-west-1', CI: 'true', PATH: '/bin' }),
    ).toEqual([]);
  });

  it('defect: a pod in a namespace with Services named clickhouse and fleetscope got 16 warnings of variables Kubernetes sets; it gets none, and CLICKHOUSE_PORT=8123 set by hand still warns', () => {
    const kubernetes = {
      CLICKHOUSE_URL: 'http://clickhouse:8123',
      CLICKHOUSE_SERVICE_HOST: '10.0.0.7',
      CLICKHOUSE_SERVICE_PORT: '8123',
      CLICKHOUSE_SERVICE_PORT_HTTP: '8123',
      CLICKHOUSE_PORT: 'tcp://10.0.0.7:8123',
      CLICKHOUSE_PORT_8123_TCP: 'tcp://10.0.0.7:8123',
      CLICKHOUSE_PORT_8123_TCP_ADDR: '10.0.0.7',
      CLICKHOUSE_PORT_8123_TCP_PORT: '8123',
      CLICKHOUSE_PORT_8123_TCP_PROTO: 'tcp',
      FLEETSCOPE_SERVICE_HOST: '10.0.0.8',
      FLEETSCOPE_PORT: 'tcp://10.0.0.8:8080',
      FLEETSCOPE_PORT_8080_TCP_ADDR: '10.0.0.8',
    };
    expect(unreadEnvWarnings(kubernetes)).toEqual([]);
    expect(unreadEnvWarnings({ ...kubernetes, CLICKHOUSE_PORT: '8123' })).toEqual([
      expect.stringMatching(/^CLICKHOUSE_PORT is not read by Fleetscope/),
    ]);
  });

  it("does not warn of the test suite's own environment", () => {
    expect(unreadEnvWarnings(process.env)).toEqual([]);
  });
});

describe(warnUnreadEnv.name, () => {
  it("writes each warning as a line under the process's name, unless only errors are logged", () => {
    const lines: string[] = [];
    warnUnreadEnv('analyzer', { FLEETSCOPE_RETENTION_DAY: '7' }, (line) => lines.push(line));
    expect(lines).toEqual([
      `analyzer: warning: FLEETSCOPE_RETENTION_DAY is not read by Fleetscope and is ignored: did you mean FLEETSCOPE_RETENTION_DAYS? (README, "Configuration")\n`,
    ]);
    lines.length = 0;
    warnUnreadEnv(
      'analyzer',
      { FLEETSCOPE_RETENTION_DAY: '7', FLEETSCOPE_LOG_LEVEL: 'error' },
      (line) => lines.push(line),
    );
    expect(lines).toEqual([]);
  });
});
