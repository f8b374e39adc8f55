import {
  candidatesOf,
  memorySizesOf,
  parseTuningRequest,
  searchOptionsOf,
} from './tuning-request.schema';

const parse = (body: unknown) => {
  const r = parseTuningRequest(body);
  if (!r.ok) throw new Error(r.message);
  return r.request;
};

describe('parseTuningRequest', () => {
  it("fills Power Tuning's defaults", () => {
    const r = parse({ platform: 'aws-lambda', function: 'f' });
    expect(r).toMatchObject({
      invocationsPerSize: 50,
      mode: 'adaptive',
      strategy: 'cost',
      balancedWeight: 0.5,
      discardTopBottom: 0.2,
      applyPick: false,
    });
    expect(memorySizesOf(r)).toEqual([128, 256, 512, 1024, 1536, 3008]);
  });

  it('names each bad field', () => {
    const r = parseTuningRequest({
      platform: 'aws-lambda',
      function: '',
      memorySizes: [64],
      discardTopBottom: 0.5,
      applyPick: 'everywhere',
      extra: 1,
    });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    expect(message).toMatch(/function: function is required/);
    expect(message).toMatch(/memorySizes: 64 MB is outside 128–10240 MB for aws-lambda/);
    expect(message).toMatch(/discardTopBottom/);
    expect(message).toMatch(/applyPick/);
    expect(message).toMatch(/extra/);
  });

  it("says what a field takes when it matches none of the forms it allows (not 'Invalid input')", () => {
    const message = (extra: Record<string, unknown>) => {
      const r = parseTuningRequest({ platform: 'aws-lambda', function: 'f', ...extra });
      return r.ok ? '' : r.message;
    };
    for (const memorySizes of [{ min: 128 }, ['128'], 512])
      expect(message({ memorySizes })).toBe(
        'memorySizes: give a list of whole MB sizes ([128, 512, 1024]) or a range {min, max}',
      );
    for (const applyPick of [true, 'alias:', 'everywhere'])
      expect(message({ applyPick })).toBe(
        "applyPick: applyPick must be false, 'function' or 'alias:NAME'",
      );
  });

  it('refuses two architectures or cold-start-only runs off Lambda', () => {
    const r = parseTuningRequest({
      platform: 'openfaas',
      function: 'f.fn',
      architectures: ['x86_64', 'arm64'],
      onlyColdStarts: true,
    });
    expect(r.ok ? '' : r.message).toMatch(/architectures.*onlyColdStarts/s);
  });

  it('refuses a {min, max} range of more sizes than a list may hold (64), as it refuses such a list', () => {
    const r = parseTuningRequest({
      platform: 'aws-lambda',
      function: 'f',
      memorySizes: { min: 128, max: 10_240 },
    });
    expect(r.ok ? '' : r.message).toBe(
      'memorySizes: 128–10240 MB in 64 MB steps is 159 sizes, more than 64: narrow the range or list the sizes',
    );
    const widest = parse({
      platform: 'aws-lambda',
      function: 'f',
      memorySizes: { min: 128, max: 4096 },
    });
    expect(memorySizesOf(widest)).toHaveLength(63);
  });

  it('refuses a range beyond the platform at once, without listing its steps', () => {
    const message = (platform: string, max: number) => {
      const started = Date.now();
      const r = parseTuningRequest({ platform, function: 'f', memorySizes: { min: 128, max } });
      expect(Date.now() - started).toBeLessThan(100);
      return r.ok ? '' : r.message;
    };
    // Listing 128–1e10 MB in 64 MB steps took 16 s, then threw "Set maximum size exceeded".
    expect(message('aws-lambda', 1e10)).toBe(
      'memorySizes: 10000000000 MB is outside 128–10240 MB for aws-lambda',
    );
    expect(message('knative', 1e9)).toBe(
      'memorySizes: 1000000000 MB is outside 16–65536 MB for knative',
    );
    expect(message('aws-lambda', 65_536)).toBe(
      'memorySizes: 65536 MB is outside 128–10240 MB for aws-lambda',
    );
    expect(message('openfaas', 65_536)).toBe(
      'memorySizes: 128–65536 MB in 64 MB steps is 1023 sizes, more than 64: narrow the range or list the sizes',
    );
    const list = parseTuningRequest({ platform: 'aws-lambda', function: 'f', memorySizes: [1e10] });
    expect(list.ok ? '' : list.message).toBe(
      'memorySizes: 10000000000 MB is outside 128–10240 MB for aws-lambda',
    );
  });

  it('counts a range as many sizes as it expands to', () => {
    for (const [min, max] of [
      [128, 128],
      [128, 129],
      [100, 400],
      [128, 4096],
      [130, 4100],
      [16, 4032],
    ]) {
      const r = parseTuningRequest({
        platform: 'knative',
        function: 'f',
        memorySizes: { min, max },
      });
      const listed = r.ok
        ? memorySizesOf(r.request).length
        : Number(/is (\d+) sizes/.exec(r.message)?.[1]);
      const steps = new Set([min, max]);
      for (let s = Math.ceil(min / 64) * 64; s < max; s += 64) steps.add(s);
      expect({ min, max, listed }).toEqual({ min, max, listed: steps.size });
    }
  });

  it('expands {min, max} to 64 MB steps with both ends', () => {
    const sizes = memorySizesOf(
      parse({ platform: 'aws-lambda', function: 'f', memorySizes: { min: 100 + 28, max: 400 } }),
    );
    expect(sizes).toEqual([128, 192, 256, 320, 384, 400]);
  });

  it("adds the function's own size to the default sizes, as the baseline", () => {
    const r = parse({ platform: 'aws-lambda', function: 'f', architectures: ['x86_64', 'arm64'] });
    const c = candidatesOf(r, { architecture: 'x86_64', memoryMb: 2048 });
    expect(c.filter((x) => x.architecture === 'arm64').map((x) => x.memoryMb)).toEqual([
      128, 256, 512, 1024, 1536, 2048, 3008,
    ]);
    const given = parse({ platform: 'aws-lambda', function: 'f', memorySizes: [512, 1024] });
    expect(candidatesOf(given, { architecture: 'x86_64', memoryMb: 2048 })).toHaveLength(2);
  });

  it.each([
    ['openfaas', 'gw/../system/secrets.x', /OpenFaaS function name "\.\.\/system\/secrets" is not/],
    [
      'openfaas',
      'openfaas~x~gw~../system/secrets',
      /"gw\/\.\.\/system\/secrets": OpenFaaS function name "\." is not/,
    ],
    ['openfaas', 'gw/..', /OpenFaaS function name "\." is not/],
    ['openfaas', 'resize.Media', /OpenFaaS namespace "Media" is not/],
    ['openfaas', `${'r'.repeat(64)}.fn`, /"r{64}" is not a DNS-1123 label .*at most 63/],
    ['knative', '../thumbs', /Knative namespace "\.\." is not/],
    ['knative', 'media/..', /Knative service "\.\." is not/],
    ['knative', 'knative~..~prod~thumbs', /Knative namespace "\.\." is not/],
  ])('refuses a %s function %s with a name Kubernetes does not allow', (platform, fn, why) => {
    const r = parseTuningRequest({ platform, function: fn });
    expect(r.ok ? '' : r.message).toMatch(/^function: /);
    expect(r.ok ? '' : r.message).toMatch(why);
  });

  it.each([
    ['openfaas', 'resize'],
    ['openfaas', 'resize.openfaas-fn'],
    ['openfaas', 'gw-1/resize-2.openfaas-fn'],
    ['openfaas', 'openfaas~openfaas-fn~gw~resize'],
    ['openfaas', `${'r'.repeat(63)}.${'n'.repeat(63)}`],
    ['knative', 'thumbs'],
    ['knative', 'media/thumbs'],
    ['knative', 'knative~media~prod~thumbs'],
    ['aws-lambda', 'arn:aws:lambda:eu-west-1:123456789012:function:Orders_v2'],
    ['aws-lambda', 'Orders_v2'],
  ])('takes the %s function %s', (platform, fn) => {
    expect(parse({ platform, function: fn }).function).toBe(fn);
  });

  it('makes a dry run one invocation per size on the grid', () => {
    expect(
      searchOptionsOf(parse({ platform: 'aws-lambda', function: 'f', dryRun: true })),
    ).toMatchObject({
      mode: 'grid',
      invocationsPerSize: 1,
    });
  });
});
