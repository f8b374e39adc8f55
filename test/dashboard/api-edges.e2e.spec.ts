import { functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { minuteAgo, post, reportLine } from '../platform/platform-ingest.helpers';

/** A 64-character Lambda name: the longest Lambda allows. */
const LONG_NAME = 'a-function-name-of-the-longest-length-lambda-allows-sixty-four-c';
const LONG = {
  platform: 'aws_lambda' as const,
  account: '123456789012',
  region: 'ap-southeast-2',
  name: LONG_NAME,
};
const LONG_ID = functionId(LONG);

/**
 * The API at the edges of its inputs (issue 15, items 5–10): the longest ids, times at and beyond
 * the limits, range-checked configuration, messages that name the real problem, and concurrent
 * analysis runs coalesced.
 */
describe('API edge input', () => {
  let fleetscope: RunningFleetscope;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const answer = await post(
      `${fleetscope.ingestUrl}/ingest/lambda/logs?function=${LONG.name}&region=${LONG.region}&account=${LONG.account}&instance=s1`,
      [
        `START RequestId: 00000001-aaaa-4bbb-8ccc-dddddddddddd Version: $LATEST`,
        reportLine('00000001-aaaa-4bbb-8ccc-dddddddddddd', {
          durationMs: 25.4,
          billedMs: 26,
          memoryMb: 128,
          maxUsedMb: 61,
        }),
      ].join('\n'),
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(200);
    await fleetscope.flush();
  });

  afterAll(async () => {
    await fleetscope.stop();
  });

  async function get(path: string): Promise<{ status: number; body: { message?: string } }> {
    const response = await fetch(`${fleetscope.apiUrl}${path}`);
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as { message?: string } };
  }
  const range = `from=${minuteAgo(60)}&to=${Date.now() + 60_000}`;

  it('a 103-character Lambda id in ap-southeast-2 is addressable on every per-function route, not 404', async () => {
    expect(LONG_ID.length).toBe(103);
    const list = await get(`/api/functions?${range}`);
    expect(JSON.stringify(list.body)).toContain(LONG_ID);
    const id = encodeURIComponent(LONG_ID);
    for (const path of [
      `/api/functions/${id}?${range}`,
      `/api/functions/${id}/timeseries?${range}`,
      `/api/functions/${id}/invocations?${range}`,
    ]) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
    }
    const put = await post(
      `${fleetscope.apiUrl}/api/functions/${id}/config`,
      { memoryMb: 256 },
      {},
      'PUT',
    );
    expect(put.status).toBe(200);
  });

  it('the fleet and cold-start pages are JSON written in slices, the answer one JSON text gives', async () => {
    const sliced = async (path: string) => {
      const response = await fetch(`${fleetscope.apiUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      return (await response.json()) as Record<string, unknown>;
    };
    const fleet = await sliced(`/api/functions?${range}`);
    expect((fleet.functions as { id: string }[]).map((f) => f.id)).toEqual([LONG_ID]);
    expect(Object.keys(fleet)).toEqual(['from', 'to', 'functions', 'fleet']);
    const coldStarts = await sliced(`/api/coldstarts?${range}&groupBy=function`);
    expect((coldStarts.groups as { key: string }[]).map((g) => g.key)).toEqual([LONG_ID]);
  });

  it('an id beyond the longest function id gets 400 naming the limit, not 404', async () => {
    const tooLong = functionId({ ...LONG, name: 'x'.repeat(600) });
    const answer = await get(`/api/functions/${encodeURIComponent(tooLong)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/at most 512 characters/);
  });

  it.each(['/api/functions', '/api/coldstarts'])(
    'a range in early 1970 on %s answers 400 naming the earliest time, not 500',
    async (path) => {
      for (const query of ['from=0&to=86400000', 'from=5000000&to=9000000']) {
        const answer = await get(`${path}?${query}`);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toMatch(/^(from|to): \d+ is before 2000-01-01/);
      }
    },
  );

  it.each([
    ['from=-1', /^from: /],
    ['to=99999999999999999999', /^to: /],
    ['from=2026-13-45T99:00:00Z', /^from: expected ISO-8601/],
  ])('%s is refused with a message about that parameter', async (query, message) => {
    const answer = await get(`/api/functions?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(message);
  });

  it('step=99999999999999999999d is refused as too large, not as "not a whole number of minutes"', async () => {
    const answer = await get(
      `/api/functions/${encodeURIComponent(LONG_ID)}/timeseries?step=99999999999999999999d`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^step: .*at most/);
  });

  it('valid JSON with a __proto__ key is refused naming the key, not as "Body is not valid JSON"', async () => {
    const answer = await post<{ message: string }>(
      `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(LONG_ID)}/config`,
      '{"memoryMb": 512, "__proto__": {"polluted": true}}',
      {},
      'PUT',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/__proto__/);
    expect(answer.body.message).not.toMatch(/not valid JSON/);
  });

  it('a JSON body sent as text/plain is refused as 415 naming the type, not as a missing field', async () => {
    // Found by a review: POST /api/reports/weekly answered 400 `week: required` for a body that
    // held the week, because Fastify's text parser handed the handler a string.
    const answer = await post<{ message: string }>(
      `${fleetscope.apiUrl}/api/reports/weekly`,
      '{"week":"2026-W49"}',
      { 'content-type': 'text/plain' },
    );
    expect(answer.status).toBe(415);
    expect(answer.body.message).toMatch(/text\/plain/);
    expect(answer.body.message).toMatch(/application\/json/);
  });

  it("unknown ingest routes answer 404 in the collector's own shape", async () => {
    const platform = await post<{ code: number; message: string }>(
      `${fleetscope.ingestUrl}/ingest/lambda/nothing-here`,
      '{}',
    );
    expect(platform.status).toBe(404);
    expect(platform.body).toEqual({
      code: 404,
      message: expect.stringContaining('/ingest/lambda/nothing-here'),
    });
    const otlp = await post<{ code: number; message: string }>(
      `${fleetscope.ingestUrl}/v1/profiles`,
      '{}',
    );
    expect(otlp.status).toBe(404);
    // google.rpc.Status in JSON: code 12 is UNIMPLEMENTED.
    expect(otlp.body).toEqual({ code: 12, message: expect.stringContaining('/v1/profiles') });
  });

  describe('PUT /api/functions/:id/config ranges', () => {
    const knativeId = functionId({
      platform: 'knative',
      account: 'default',
      region: 'kind',
      name: 'hello',
    });
    const put = (id: string, body: unknown) =>
      post<{ message: string }>(
        `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(id)}/config`,
        body,
        {},
        'PUT',
      );

    it.each([
      [LONG_ID, { memoryMb: 127 }, /memoryMb: .*128/],
      [LONG_ID, { memoryMb: 10_241 }, /memoryMb: .*10240/],
      [LONG_ID, { provisionedConcurrency: 1e15 }, /provisionedConcurrency: /],
      [LONG_ID, { runtime: 'nodejs\u000020.x' }, /runtime: .*control/],
      [LONG_ID, { minScale: 1 }, /minScale: .*Knative/],
      [knativeId, { podMemoryMb: 5_000_000_000 }, /podMemoryMb: /],
      [knativeId, { minScale: 4_294_967_297 }, /minScale: /],
      [knativeId, { minScale: 5, maxScale: 2 }, /minScale: .*maxScale/],
      [knativeId, { podCpu: 1e308 }, /podCpu: /],
      [knativeId, { provisionedConcurrency: 1 }, /provisionedConcurrency: .*Lambda/],
    ])(
      'refuses %s %j with 400 naming the field instead of wrapping it',
      async (id, body, message) => {
        const answer = await put(id, body);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toMatch(message);
      },
    );

    it('defect (found by a review): refuses a minScale above the maxScale stored before, and the other way round', async () => {
      const id = knativeId.replace(/~[^~]+$/, '~scale-order');
      expect((await put(id, { maxScale: 2 })).status).toBe(200);
      // Each alone passed, and the function was priced at 5 pods with a maxScale of 2.
      const above = await put(id, { minScale: 5 });
      expect(above.status).toBe(400);
      expect(above.body.message).toMatch(/minScale: 5 .*maxScale 2/);
      expect((await put(id, { minScale: 1 })).status).toBe(200);
      const below = await put(id, { maxScale: 0 });
      expect(below.status).toBe(400);
      expect(below.body.message).toMatch(/maxScale: 0 .*minScale 1/);
      // Both in one body are judged together, the stored ones aside.
      expect((await put(id, { minScale: 3, maxScale: 4 })).status).toBe(200);
    });

    it('defect (found by a review): refuses a Lambda id whose account or region ingest would refuse', async () => {
      // Each answered 200 and made a function of its own that no page lists.
      const bad = await put('aws_lambda~123~eu-west-1~x', { memoryMb: 512 });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/account "123" is not an AWS account id \(12 digits\)/);
      const mars = await put('aws_lambda~123456789012~mars-1~x', { memoryMb: 512 });
      expect(mars.status).toBe(400);
      expect(mars.body.message).toMatch(/region "mars-1" is not an AWS region/);
    });

    it('keeps in-range values of each platform', async () => {
      expect(
        (await put(knativeId, { minScale: 1, maxScale: 10, podCpu: 0.5, podMemoryMb: 512 })).status,
      ).toBe(200);
      expect((await put(LONG_ID, { memoryMb: 10_240, provisionedConcurrency: 5 })).status).toBe(
        200,
      );
    });
  });

  it('ten concurrent POST /api/analyses/run are coalesced into the running run and answered with its id', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' });
        return { status: response.status, body: (await response.json()) as { runId: string } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const ids = new Set(answers.map((a) => a.body.runId));
    // All ten arrive while the first run is going; a slow machine may let one start a second.
    expect(ids.size).toBeLessThanOrEqual(2);
    const runs = await fleetscope.clickhouse.client.query({
      query: 'SELECT uniqExact(run_id) AS n FROM analysis_runs',
      format: 'JSONEachRow',
    });
    expect(Number((await runs.json<{ n: string }>())[0].n)).toBe(ids.size);
  });

  it('defect (any functionId passed through): /api/recommendations refuses a malformed functionId with 400 and explains a well-formed one the run has no data for', async () => {
    // functionId=nope&explain=1 answered 200 with "$0 a month" and whyNot: [].
    const run = await fetch(`${fleetscope.apiUrl}/api/analyses/run`, { method: 'POST' });
    expect(run.status).toBe(200);
    const bad = await get('/api/recommendations?functionId=nope&explain=1');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^functionId: "nope" is not a function id/);
    const tooLong = await get(
      `/api/recommendations?functionId=${encodeURIComponent(functionId({ ...LONG, name: 'x'.repeat(600) }))}`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/^functionId: .*at most 512 characters/);
    const unknown = functionId({ ...LONG, name: 'never-seen' });
    const none = (await get(
      `/api/recommendations?functionId=${encodeURIComponent(unknown)}&explain=1&kind=memory`,
    )) as {
      status: number;
      body: { whyNot?: { functionId: string; kind: string; code: string; detail: string }[] };
    };
    expect(none.status).toBe(200);
    expect(none.body.whyNot).toEqual([
      {
        functionId: unknown,
        kind: 'memory',
        code: 'no-data',
        detail: expect.stringContaining("No data for this function in the run's window"),
      },
    ]);
    const seen = (await get(
      `/api/recommendations?functionId=${encodeURIComponent(LONG_ID)}&explain=1`,
    )) as { status: number; body: { whyNot?: { code: string }[] } };
    expect(seen.status).toBe(200);
    expect(seen.body.whyNot?.map((w) => w.code)).not.toContain('no-data');
  });

  it('defect (Number() read 1e2 and 0x10 as limits): GET /api/tuning-jobs takes digits only, as the other limits', async () => {
    for (const limit of ['1e2', '0x10', '%205', '2.0', '0', '1001']) {
      const answer = await get(`/api/tuning-jobs?limit=${limit}`);
      expect({ limit, status: answer.status }).toEqual({ limit, status: 400 });
      expect(answer.body.message).toMatch(/^limit: expected a whole number from 1 to 1000/);
    }
    for (const query of ['?limit=5', '?limit=1000', '']) {
      expect((await get(`/api/tuning-jobs${query}`)).status).toBe(200);
    }
  });

  describe('refusals counted in /metrics', () => {
    /** fleetscope_api_rejected_requests_total by its label set, as GET /metrics renders it. */
    const rejections = async (): Promise<Map<string, number>> => {
      const text = await (await fetch(`${fleetscope.apiUrl}/metrics`)).text();
      return new Map(
        [...text.matchAll(/^fleetscope_api_rejected_requests_total(\{.*\}) (\d+)$/gm)].map((m) => [
          m[1],
          Number(m[2]),
        ]),
      );
    };
    const counted = (before: Map<string, number>, after: Map<string, number>) =>
      Object.fromEntries(
        [...after]
          .filter(([labels, n]) => n !== (before.get(labels) ?? 0))
          .map(([labels, n]) => [labels, n - (before.get(labels) ?? 0)]),
      );
    const labels = (method: string, route: string, status: number) =>
      `{method="${method}",route="${route}",status="${status}"}`;

    it('defect (found by a review): every 4xx of the API is counted by route pattern, where only the report and tuning routes counted theirs', async () => {
      const before = await rejections();
      const id = encodeURIComponent(LONG_ID);
      const refused = [
        await get('/api/functions?from=abc'),
        await get(`/api/functions/${id}/timeseries?step=7x`),
        await get('/api/coldstarts?groupBy=nope'),
        await get('/api/keepalive/replay?policy=nope'),
        await get('/api/recommendations?functionId=nope'),
        await get(`/api/functions/${encodeURIComponent(functionId({ ...LONG, name: 'gone' }))}`),
        await get('/api/no-such-route?x=1'),
        await post(
          `${fleetscope.apiUrl}/api/functions/${id}/config`,
          { memoryMb: -128 },
          {},
          'PUT',
        ),
        await post(`${fleetscope.apiUrl}/api/analyses/run`, '{"__proto__": {}}'),
      ];
      expect(refused.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 404, 404, 400, 400]);
      expect(counted(before, await rejections())).toEqual({
        [labels('GET', '/api/functions', 400)]: 1,
        [labels('GET', '/api/functions/:id/timeseries', 400)]: 1,
        [labels('GET', '/api/coldstarts', 400)]: 1,
        [labels('GET', '/api/keepalive/replay', 400)]: 1,
        [labels('GET', '/api/recommendations', 400)]: 1,
        [labels('GET', '/api/functions/:id', 404)]: 1,
        [labels('GET', '(unmatched)', 404)]: 1,
        [labels('PUT', '/api/functions/:id/config', 400)]: 1,
        [labels('POST', '/api/analyses/run', 400)]: 1,
      });
      // Patterns only: no id, query string or unknown path became a label.
      const text = await (await fetch(`${fleetscope.apiUrl}/metrics`)).text();
      expect(text).not.toMatch(/a-function-name|no-such-route|nope|\?/);
      expect(text).toMatch(/^# TYPE fleetscope_api_rejected_requests_total counter$/m);
    });

    it('a refused tuning request is counted here by route and still in its own counter', async () => {
      const tuning = async () =>
        Number(
          /^fleetscope_tuning_rejected_requests_total (\d+)$/m.exec(
            await (await fetch(`${fleetscope.apiUrl}/metrics`)).text(),
          )?.[1] ?? 0,
        );
      const before = await rejections();
      const tuningBefore = await tuning();
      const answer = await post(`${fleetscope.apiUrl}/api/tuning-jobs`, { platform: 'gcp' });
      expect(answer.status).toBe(400);
      expect(counted(before, await rejections())).toEqual({
        [labels('POST', '/api/tuning-jobs', 400)]: 1,
      });
      expect(await tuning()).toBe(tuningBefore + 1);
    });

    it('defect (found by a review): a body that is not JSON is a 415 counted as such, not logged as a server error', async () => {
      const before = await rejections();
      let logged = '';
      const capture = (chunk: unknown) => {
        logged += String(chunk);
        return true;
      };
      const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
      const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
      let answer: Awaited<ReturnType<typeof post<{ message: string }>>>;
      try {
        answer = await post<{ message: string }>(
          `${fleetscope.apiUrl}/api/functions/${encodeURIComponent(LONG_ID)}/config`,
          '{"memoryMb": 256}',
          { 'content-type': 'text/plain' },
          'PUT',
        );
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      expect(answer.status).toBe(415);
      expect(answer.body.message).toBe(
        'content-type text/plain: the API reads application/json bodies',
      );
      // Nest's ExceptionsHandler logged `ERROR … Error: content-type text/plain: …` with a stack.
      expect(logged).not.toMatch(/ERROR|ExceptionsHandler|content-type text\/plain/);
      expect(counted(before, await rejections())).toEqual({
        [labels('PUT', '/api/functions/:id/config', 415)]: 1,
      });
    });
  });
});
