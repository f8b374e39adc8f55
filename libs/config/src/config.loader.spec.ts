import { ConfigError, isLoopback, isWildcard, knownEnvNames, loadConfig } from './config.loader';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      httpPort: 8080,
      otlpHttpPort: 4318,
      otlpGrpcPort: 4317,
      dataDir: './data',
      clickhouseUrl: undefined,
      clickhouseDatabase: 'fleetscope',
      clickhouseCluster: undefined,
      rawRetentionDays: 30,
      maxBodyBytes: 64 * 1024 * 1024,
      openfaasGateways: [],
    });
  });

  it.each([
    ['FLEETSCOPE_HTTP_PORT', 'abc', 'must be a port number'],
    ['FLEETSCOPE_HTTP_PORT', '70000', 'between 0 and 65535'],
    ['FLEETSCOPE_OTLP_HTTP_PORT', '-1', 'between 0 and 65535'],
    ['CLICKHOUSE_URL', 'clickhouse:8123', 'http:// or https:// URL'],
    ['CLICKHOUSE_DATABASE', 'drop table;', 'ClickHouse identifier'],
    ['FLEETSCOPE_RETENTION_DAYS', '-1', '0 or more'],
    ['FLEETSCOPE_MAX_BODY_BYTES', '1.5', 'integer'],
    ['FLEETSCOPE_LOG_LEVEL', 'loud', "'error' | 'warn'"],
    ['FLEETSCOPE_CLICKHOUSE_CLUSTER', 'a b', 'cluster name'],
    ['FLEETSCOPE_REPORT_CRON', '0 6 * * mon-', 'cron expression'],
    ['FLEETSCOPE_REPORT_TIME_ZONE', 'Mars/Olympus', 'IANA time zone'],
    ['FLEETSCOPE_REPORT_SMTP_URL', 'mail.example.com', 'smtp:// or smtps://'],
    ['FLEETSCOPE_REPORT_EMAIL_TO', 'finance', 'e-mail addresses'],
    ['FLEETSCOPE_REPORT_EMAIL_FROM', 'finance', 'an e-mail address'],
    ['FLEETSCOPE_REPORT_EMAIL_FROM', '', 'an e-mail address'],
  ])('names %s when it is %p', (name, value, allowed) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(allowed);
  });

  it.each([
    ['FLEETSCOPE_HTTP_PORT', ''],
    ['FLEETSCOPE_HTTP_PORT', '0x1F90'],
    ['FLEETSCOPE_RETENTION_DAYS', ''],
    ['FLEETSCOPE_RETENTION_DAYS', ' '],
    ['FLEETSCOPE_MAX_BODY_BYTES', '1e9'],
    ['FLEETSCOPE_RECOMMENDATION_MIN_SAVING_USD', 'Infinity'],
    ['FLEETSCOPE_NODE_VCPU_HOUR_USD', ''],
  ])('refuses %s=%j as a number instead of reading it as another value', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: must be a .*number`));
  });

  it('reads numbers written in decimal, around spaces too', () => {
    const config = loadConfig({
      FLEETSCOPE_HTTP_PORT: ' 9090 ',
      FLEETSCOPE_RETENTION_DAYS: '0',
      FLEETSCOPE_NODE_VCPU_HOUR_USD: '0.05',
    });
    expect([config.httpPort, config.rawRetentionDays, config.nodeVcpuHourUsd]).toEqual([
      9090, 0, 0.05,
    ]);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ FLEETSCOPE_HTTP_PORT: 'x', FLEETSCOPE_OTLP_GRPC_PORT: 'y' });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'FLEETSCOPE_HTTP_PORT',
      'FLEETSCOPE_OTLP_GRPC_PORT',
    ]);
  });

  it('refuses a non-loopback host without both tokens and names them', () => {
    const problems = problemsOf({ FLEETSCOPE_HOST: '0.0.0.0' });
    expect(problems[0]).toContain('FLEETSCOPE_INGEST_TOKEN and FLEETSCOPE_API_TOKEN');
    const one = problemsOf({ FLEETSCOPE_HOST: '0.0.0.0', FLEETSCOPE_API_TOKEN: 't' });
    expect(one[0]).toContain('set FLEETSCOPE_INGEST_TOKEN');
    expect(one[0]).not.toContain('FLEETSCOPE_API_TOKEN');
  });

  it('accepts a non-loopback host when both tokens are set', () => {
    const config = loadConfig({
      FLEETSCOPE_HOST: '0.0.0.0',
      FLEETSCOPE_INGEST_TOKEN: 'i',
      FLEETSCOPE_API_TOKEN: 'a',
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('schedules the weekly report on Monday 06:00 UTC unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ reportCron: '0 0 6 * * 1', reportTimeZone: 'UTC' });
    expect(loadConfig({ FLEETSCOPE_REPORT_TIME_ZONE: 'Europe/Berlin' }).reportTimeZone).toBe(
      'Europe/Berlin',
    );
  });

  it('takes the report sender as an address or as a name and <address>', () => {
    for (const from of ['reports@example.com', 'Fleetscope <reports@example.com>']) {
      expect(loadConfig({ FLEETSCOPE_REPORT_EMAIL_FROM: from }).reportEmailFrom).toBe(from);
    }
  });

  it('defect (values of the right shape started silently): a date that does not exist and a region that is not one stop start-up, named', () => {
    expect(problemsOf({ FLEETSCOPE_FARGATE_SPOT_DISCOUNT_AS_OF: '2019-13-45' })).toEqual([
      expect.stringMatching(/^FLEETSCOPE_FARGATE_SPOT_DISCOUNT_AS_OF: must be a date that exists/),
    ]);
    expect(problemsOf({ FLEETSCOPE_LAMBDA_INVENTORY_REGIONS: 'eu west 1' })).toEqual([
      expect.stringMatching(/^FLEETSCOPE_LAMBDA_INVENTORY_REGIONS: must be AWS region codes/),
    ]);
    expect(
      loadConfig({ FLEETSCOPE_LAMBDA_INVENTORY_REGIONS: 'eu-west-1, us-gov-west-1' })
        .lambdaInventoryRegions,
    ).toEqual(['eu-west-1', 'us-gov-west-1']);
  });

  it('asks for recipients when the report is to be e-mailed', () => {
    const problems = problemsOf({ FLEETSCOPE_REPORT_SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(problems).toEqual([expect.stringMatching(/^FLEETSCOPE_REPORT_EMAIL_TO: required/)]);
  });

  it('lists every variable it reads', () => {
    expect(knownEnvNames()).toEqual(
      expect.arrayContaining(['FLEETSCOPE_HOST', 'CLICKHOUSE_URL', 'FLEETSCOPE_DATA_DIR']),
    );
  });
});

describe(isLoopback.name, () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
  ])('%s is loopback: %p', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe(isWildcard.name, () => {
  it.each([
    ['0.0.0.0', true],
    ['::', true],
    ['[::]', true],
    ['0:0:0:0:0:0:0:0', true],
    ['', true],
    ['::1', false],
    ['127.0.0.1', false],
    ['10.0.0.5', false],
    ['fleetscope.example', false],
  ])('%p is a wildcard listen address: %p', (host, expected) => {
    expect(isWildcard(host)).toBe(expected);
  });
});

describe('start-up values named before anything listens', () => {
  it.each([
    ['garbage', 'FLEETSCOPE_ANALYSIS_CRON: must be a cron expression with seconds'],
    ['* * * *', 'FLEETSCOPE_ANALYSIS_CRON: must be a cron expression with seconds'],
  ])(
    'FLEETSCOPE_ANALYSIS_CRON=%j is refused naming the variable and an example',
    (cron, problem) => {
      expect(problemsOf({ FLEETSCOPE_ANALYSIS_CRON: cron }).join('\n')).toContain(problem);
    },
  );

  it('accepts five- and six-field cron expressions', () => {
    expect(loadConfig({ FLEETSCOPE_ANALYSIS_CRON: '*/5 * * * *' }).analysisCron).toBe(
      '*/5 * * * *',
    );
    expect(loadConfig({ FLEETSCOPE_ANALYSIS_CRON: '0 0 * * * *' }).analysisCron).toBe(
      '0 0 * * * *',
    );
  });

  it('lets every server ask for port 0, which the system makes distinct', () => {
    const zero = {
      FLEETSCOPE_HTTP_PORT: '0',
      FLEETSCOPE_OTLP_HTTP_PORT: '0',
      FLEETSCOPE_OTLP_GRPC_PORT: '0',
    };
    expect(() => loadConfig(zero)).not.toThrow();
  });

  it('refuses the HTTP port equal to the OTLP port instead of failing with EADDRINUSE after start', () => {
    expect(problemsOf({ FLEETSCOPE_HTTP_PORT: '4318' })).toEqual([
      'FLEETSCOPE_OTLP_HTTP_PORT: 4318 is also FLEETSCOPE_HTTP_PORT; every server needs its own port, so set a different one',
    ]);
  });

  it('lets every server ask for port 0, a free port each', () => {
    expect(
      loadConfig({
        FLEETSCOPE_HTTP_PORT: '0',
        FLEETSCOPE_OTLP_HTTP_PORT: '0',
        FLEETSCOPE_OTLP_GRPC_PORT: '0',
      }).httpPort,
    ).toBe(0);
  });

  it('refuses FLEETSCOPE_CLICKHOUSE_CLUSTER in embedded mode with the fix instead of a stack trace', () => {
    expect(problemsOf({ FLEETSCOPE_CLICKHOUSE_CLUSTER: 'main' })).toEqual([
      'FLEETSCOPE_CLICKHOUSE_CLUSTER: cluster mode needs a ClickHouse server: set CLICKHOUSE_URL, or unset FLEETSCOPE_CLICKHOUSE_CLUSTER to use embedded ClickHouse',
    ]);
    expect(
      loadConfig({ FLEETSCOPE_CLICKHOUSE_CLUSTER: 'main', CLICKHOUSE_URL: 'http://ch:8123' })
        .clickhouseCluster,
    ).toBe('main');
  });

  it('refuses a CLICKHOUSE_URL with a path, which the client would take as the database', () => {
    // The tables went to otherdb while Fleetscope logged and pointed its Distributed tables at
    // CLICKHOUSE_DATABASE.
    expect(problemsOf({ CLICKHOUSE_URL: 'http://alice:secret@ch:8123/otherdb' })).toEqual([
      'CLICKHOUSE_URL: http://ch:8123/otherdb has the path /otherdb, which the ClickHouse client would take as the database while Fleetscope uses CLICKHOUSE_DATABASE (fleetscope): set CLICKHOUSE_URL to the server alone (http://ch:8123) and the database in CLICKHOUSE_DATABASE',
    ]);
    expect(problemsOf({ CLICKHOUSE_URL: 'https://ch.example.com/fleetscope/' })).toHaveLength(1);
    // A path naming CLICKHOUSE_DATABASE itself, as some had it before the check: the same one.
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123/fleetscope' }).clickhouseUrl).toBe(
      'http://ch:8123/fleetscope',
    );
    expect(
      problemsOf({ CLICKHOUSE_URL: 'http://ch:8123/fleetscope', CLICKHOUSE_DATABASE: 'other' }),
    ).toHaveLength(1);
    // The server alone, with or without credentials (the client's to use) or a final slash.
    for (const url of [
      'http://ch:8123',
      'http://ch:8123/',
      'https://alice:secret@ch.example.com',
    ]) {
      expect(loadConfig({ CLICKHOUSE_URL: url }).clickhouseUrl).toBe(url);
    }
  });

  it('refuses a bad OpenFaaS gateway or Knative metrics URL at start, naming its variable', () => {
    // They were read only once the collector's and analyzer's modules were built: an error with
    // a stack trace from the collector, and from the analyzer's tuning drivers.
    expect(
      problemsOf({
        FLEETSCOPE_OPENFAAS_GATEWAYS: 'gateway:8080,http://a:8080,http://b:8080,http://a:8080',
        FLEETSCOPE_KNATIVE_METRICS_URLS: 'edge=not a url',
      }),
    ).toEqual([
      'FLEETSCOPE_OPENFAAS_GATEWAYS: "gateway:8080" must be an http:// or https:// URL',
      'FLEETSCOPE_OPENFAAS_GATEWAYS: two gateways are named "a:8080"; give them names with name=URL',
      'FLEETSCOPE_KNATIVE_METRICS_URLS: "edge=not a url" is not a URL (expected [name=]http(s)://host:port)',
    ]);
    expect(
      loadConfig({
        FLEETSCOPE_OPENFAAS_GATEWAYS: 'edge=http://admin:pw@gw:8080,http://gw2:8080',
        FLEETSCOPE_KNATIVE_METRICS_URLS: 'http://activator:9090/metrics',
      }).openfaasGateways,
    ).toEqual(['edge=http://admin:pw@gw:8080', 'http://gw2:8080']);
  });

  it('defect: a gateway or metrics URL with credentials and a typo printed its password at start; the problem leaves the credentials out', () => {
    const problems = problemsOf({
      FLEETSCOPE_OPENFAAS_GATEWAYS: 'admin:S3cretGW@gw:8080',
      FLEETSCOPE_KNATIVE_METRICS_URLS: 'ftp://admin:S3cretKN@kn:9091/metrics',
    });
    expect(problems).toEqual([
      'FLEETSCOPE_OPENFAAS_GATEWAYS: "…@gw:8080" must be an http:// or https:// URL',
      'FLEETSCOPE_KNATIVE_METRICS_URLS: "ftp://…@kn:9091/metrics" must be an http:// or https:// URL',
    ]);
    expect(problems.join('\n')).not.toMatch(/S3cret|admin/);
  });
});
