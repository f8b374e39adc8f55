import { goDurationMs, parseSystemFunctions } from './system-functions.parser';

// Shaped like faas-provider's types.FunctionStatus JSON (openfaas/faas-provider types/model.go)
// with the autoscaling labels of openfaas/docs architecture/autoscaling.md; written here.
const body = JSON.stringify([
  {
    name: 'nodeinfo',
    image: 'ghcr.io/openfaas/nodeinfo:latest',
    namespace: 'openfaas-fn',
    envProcess: 'node index.js',
    envVars: { exec_timeout: '1m30s', write_timeout: '1m30s' },
    labels: {
      'com.openfaas.scale.min': '1',
      'com.openfaas.scale.max': '10',
      'com.openfaas.scale.zero': 'true',
      'com.openfaas.scale.zero-duration': '5m',
    },
    annotations: { 'prometheus.io.scrape': 'false' },
    limits: { memory: '256Mi', cpu: '500m' },
    requests: { memory: '128Mi', cpu: '0.1' },
    invocationCount: 1337,
    replicas: 2,
    availableReplicas: 1,
    created_at: '2024-05-06T09:00:00Z',
  },
  { name: 'figlet', image: 'ghcr.io/openfaas/figlet:latest', requests: { memory: '64M' } },
  { image: 'nameless' },
]);

describe(parseSystemFunctions.name, () => {
  it('maps functions to inventory hints with scale bounds, resources and the exec timeout', () => {
    const result = parseSystemFunctions(body, { gateway: 'edge-1', observedAtMs: 1 });
    if (!result.ok) throw new Error(result.message);
    expect(result.rejected).toBe(1);
    expect(result.hints[0]).toMatchObject({
      functionId: 'openfaas~openfaas-fn~edge-1~nodeinfo',
      name: 'nodeinfo',
      namespace: 'openfaas-fn',
      replicas: 2,
      availableReplicas: 1,
      minScale: 1,
      maxScale: 10,
      scaleToZero: true,
      memoryLimitMb: 256,
      memoryRequestMb: 128,
      memorySizeMb: 256,
      cpuLimitMillicores: 500,
      cpuRequestMillicores: 100,
      timeoutMs: 90_000,
    });
    // No namespace: the default one; no limit: the request is the memory size (64 MB = 61.04 MiB).
    expect(result.hints[1]).toMatchObject({
      namespace: 'openfaas-fn',
      minScale: null,
      scaleToZero: null,
    });
    expect(result.hints[1].memorySizeMb).toBeCloseTo(61.035, 3);
    expect(result.hints[1].timeoutMs).toBeUndefined();
  });

  it('refuses bodies that are not a JSON array', () => {
    expect(parseSystemFunctions('{', { gateway: 'g', observedAtMs: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid_json',
    });
    expect(parseSystemFunctions('{}', { gateway: 'g', observedAtMs: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid_shape',
    });
  });
});

describe(goDurationMs.name, () => {
  it('reads Go durations and bare seconds', () => {
    expect(goDurationMs('10s')).toBe(10_000);
    expect(goDurationMs('1h2m3.5s')).toBe(3_723_500);
    expect(goDurationMs('250ms')).toBe(250);
    expect(goDurationMs('45')).toBe(45_000);
    expect(goDurationMs('soon')).toBeUndefined();
  });
});
