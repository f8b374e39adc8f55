import type { FunctionWindowStats } from '@fleetscope/analysis';
import type { FunctionConfig, StoredAnalysisInputs } from '@fleetscope/storage';
import {
  analysisProfile,
  assembleAnalysisInputs,
  dominantMemoryMb,
  foldUnknownMemory,
} from './analysis-input.assembler';

const ID = 'aws_lambda~123456789012~eu-west-1~checkout';

function stats(byMemory: FunctionWindowStats['byMemory']): FunctionWindowStats {
  return {
    functionId: ID,
    windowStartMs: 0,
    windowEndMs: 7 * 86_400_000,
    invocations: byMemory.reduce((s, m) => s + m.invocations, 0),
    errors: 0,
    timeouts: 0,
    ooms: 0,
    coldStarts: 0,
    durationSumMs: byMemory.reduce((s, m) => s + m.durationSumMs, 0),
    durationMaxMs: 0,
    billedDurationSumMs: 0,
    initDurationSumMs: 0,
    durationBuckets: {},
    initBuckets: {},
    maxMemoryUsedMb: null,
    memoryUsedP95Mb: null,
    byMemory,
    daily: [],
  };
}

function config(overrides: Partial<FunctionConfig>): FunctionConfig {
  return {
    functionId: ID,
    platform: 'aws_lambda',
    account: '',
    region: '',
    name: '',
    version: '',
    runtime: '',
    architecture: '',
    packageType: '',
    memoryMb: null,
    timeoutMs: null,
    ephemeralStorageMb: null,
    provisionedConcurrency: null,
    minScale: null,
    maxScale: null,
    podCpu: null,
    podMemoryMb: null,
    labels: {},
    ...overrides,
  };
}

describe(analysisProfile.name, () => {
  it('takes identity from the id and settings from the inventory', () => {
    const profile = analysisProfile(
      ID,
      config({
        runtime: 'python3.12',
        architecture: 'arm64',
        memoryMb: 1769,
        timeoutMs: 3000,
        packageType: 'Image',
      }),
    );
    expect(profile).toMatchObject({
      platform: 'aws_lambda',
      account: '123456789012',
      region: 'eu-west-1',
      name: 'checkout',
      runtime: 'python3.12',
      architecture: 'arm64',
      memoryMb: 1769,
      timeoutMs: 3000,
      packageType: 'Image',
    });
  });

  it("carries the inventory's SnapStart flag, which the provisioned-concurrency analysis reads", () => {
    expect(
      analysisProfile(ID, config({ labels: { 'aws.lambda.snap_start': 'PublishedVersions' } })),
    ).toMatchObject({ snapStart: 'PublishedVersions' });
    expect(analysisProfile(ID, config({}))).toMatchObject({ snapStart: null });
  });

  it('falls back to the memory size most invocations ran at, and x86_64', () => {
    const s = stats([
      { memoryMb: 512, invocations: 10, durationSumMs: 1, durationBuckets: {} },
      { memoryMb: 1024, invocations: 90, durationSumMs: 1, durationBuckets: {} },
    ]);
    expect(analysisProfile(ID, undefined, s)).toMatchObject({
      memoryMb: 1024,
      architecture: 'x86_64',
      timeoutMs: null,
    });
    expect(dominantMemoryMb(stats([]))).toBeNull();
  });

  it('a function known only from REPORT lines (no architecture) is priced as x86_64 and says it was assumed; one the inventory names is not', () => {
    expect(analysisProfile(ID, config({}))).toMatchObject({
      architecture: 'x86_64',
      architectureAssumed: true,
    });
    expect(analysisProfile(ID, undefined)).toMatchObject({ architectureAssumed: true });
    for (const architecture of ['x86_64', 'arm64'])
      expect(analysisProfile(ID, config({ architecture })).architectureAssumed).toBeUndefined();
  });

  it('describes an id it cannot parse as platform other', () => {
    expect(analysisProfile('not-an-id', undefined)).toMatchObject({
      platform: 'other',
      name: 'not-an-id',
    });
  });
});

describe(foldUnknownMemory.name, () => {
  it("adds the days of durations without a memory size to the configured size's days", () => {
    const day = (d: number, invocations: number, durationSumMs: number) => ({
      dayStartMs: d * 86_400_000,
      invocations,
      durationSumMs,
    });
    const [folded] = foldUnknownMemory(
      [
        {
          memoryMb: 0,
          invocations: 30,
          durationSumMs: 300,
          durationBuckets: {},
          daily: [day(1, 10, 100), day(2, 20, 200)],
        },
        {
          memoryMb: 512,
          invocations: 20,
          durationSumMs: 400,
          durationBuckets: {},
          daily: [day(0, 5, 100), day(1, 15, 300)],
        },
      ],
      512,
    );
    expect(folded.daily).toEqual([day(0, 5, 100), day(1, 25, 400), day(2, 20, 200)]);
    expect(folded.invocations).toBe(50);
  });

  it('adds durations without a memory size to the configured size', () => {
    const folded = foldUnknownMemory(
      [
        { memoryMb: 0, invocations: 5, durationSumMs: 50, durationBuckets: { 40: 5 } },
        { memoryMb: 512, invocations: 10, durationSumMs: 100, durationBuckets: { 40: 10 } },
      ],
      512,
    );
    expect(folded).toEqual([
      { memoryMb: 512, invocations: 15, durationSumMs: 150, durationBuckets: { 40: 15 } },
    ]);
  });

  it('counts out-of-memory kills without a memory size at the configured size, as not known to be fixed', () => {
    const folded = foldUnknownMemory(
      [
        { memoryMb: 0, invocations: 5, durationSumMs: 50, durationBuckets: {}, ooms: 2 },
        { memoryMb: 256, invocations: 9, durationSumMs: 90, durationBuckets: {}, ooms: 4 },
        { memoryMb: 512, invocations: 10, durationSumMs: 100, durationBuckets: {}, ooms: 1 },
      ],
      512,
    );
    expect(folded.map((m) => [m.memoryMb, m.ooms])).toEqual([
      [256, 4],
      [512, 3],
    ]);
  });

  it('leaves them out when no size is configured', () => {
    expect(
      foldUnknownMemory(
        [{ memoryMb: 0, invocations: 5, durationSumMs: 50, durationBuckets: {} }],
        null,
      ),
    ).toEqual([]);
  });
});

describe(assembleAnalysisInputs.name, () => {
  it('joins stored aggregates with the merged inventory', () => {
    const stored = new Map<string, StoredAnalysisInputs>([
      [
        ID,
        {
          stats: stats([{ memoryMb: 0, invocations: 3, durationSumMs: 30, durationBuckets: {} }]),
          concurrency: null,
        },
      ],
    ]);
    const [input] = assembleAnalysisInputs(stored, new Map([[ID, config({ memoryMb: 256 })]]));
    expect(input.profile.memoryMb).toBe(256);
    expect(input.stats.byMemory).toEqual([
      { memoryMb: 256, invocations: 3, durationSumMs: 30, durationBuckets: {} },
    ]);
    expect(input.concurrency).toBeNull();
  });
});
