import { MAX_FUNCTION_ID_LENGTH, functionId } from '@fleetscope/model';
import { startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { faasResourceSpans, faasServerSpan } from '../support/otlp-json-spans';
import { post } from '../platform/platform-ingest.helpers';

/** A Cloud Run service whose id is 200 characters: beyond Fastify's default maxParamLength (100). */
const WHERE = { provider: 'gcp', account: 'a-project', region: 'europe-west1' };
const NAME = 'orders-api-'.padEnd(200 - 'gcp_cloud_run~a-project~europe-west1~'.length, 'x');
const ID = functionId({
  platform: 'gcp_cloud_run',
  account: WHERE.account,
  region: WHERE.region,
  name: NAME,
});

/**
 * Function ids of 101–512 characters (long OTLP service names, Knative namespace~cluster~revision)
 * on every per-function route, and ids beyond the limit. Found by a review: a 10,000-character id
 * answered `404 Cannot GET` (the router's own parameter limit, then 2,048), not the 400 naming
 * the limit that a 600-character one got. The review also feared that ids of 101–512 characters
 * (beyond Fastify's default of 100) could not open their routes: they could, and this keeps it so.
 */
describe('function ids of every allowed length', () => {
  let fleetscope: RunningFleetscope;
  const startMs = Date.now() - 10 * 60_000;
  const range = `from=${startMs - 60 * 60_000}&to=${Date.now() + 60_000}`;

  beforeAll(async () => {
    fleetscope = await startFleetscope();
    const traces = await post(`${fleetscope.ingestUrl}/v1/traces`, {
      resourceSpans: [
        faasResourceSpans(
          'gcp_cloud_run',
          NAME,
          [0, 1, 2].map((i) => faasServerSpan(startMs + i * 1000, i === 0)),
          WHERE,
        ),
      ],
    });
    expect(traces.status).toBe(200);
    await fleetscope.flush();
  });

  afterAll(async () => {
    await fleetscope?.stop();
  });

  const get = async (path: string) => {
    const response = await fetch(`${fleetscope.apiUrl}${path}`);
    const text = await response.text();
    return { status: response.status, text };
  };

  it('a 200-character id opens its page, its summary, time series, invocations and config', async () => {
    expect(ID).toHaveLength(200);
    const list = await get(`/api/functions?${range}`);
    expect(JSON.parse(list.text)).toMatchObject({ functions: [{ id: ID, invocations: 3 }] });
    const id = encodeURIComponent(ID);
    for (const path of [
      `/function.html?id=${id}`,
      `/api/functions/${id}?${range}`,
      `/api/functions/${id}/timeseries?${range}`,
      `/api/functions/${id}/invocations?${range}`,
    ]) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
    }
    const config = await post(
      `${fleetscope.apiUrl}/api/functions/${id}/config`,
      { memoryMb: 512 },
      {},
      'PUT',
    );
    expect(config.status).toBe(200);
    const invocations = JSON.parse((await get(`/api/functions/${id}/invocations?${range}`)).text);
    expect(JSON.stringify(invocations)).toContain(NAME);
  });

  it.each([MAX_FUNCTION_ID_LENGTH + 1, 3000, 10_000])(
    'an id of %d characters gets 400 naming the limit on every per-function route, not 404',
    async (length) => {
      const tooLong = encodeURIComponent(ID.padEnd(length, 'y'));
      for (const [method, path] of [
        ['GET', `/api/functions/${tooLong}`],
        ['GET', `/api/functions/${tooLong}/timeseries`],
        ['GET', `/api/functions/${tooLong}/invocations`],
        ['PUT', `/api/functions/${tooLong}/config`],
      ]) {
        const response = await fetch(`${fleetscope.apiUrl}${path}`, {
          method,
          ...(method === 'PUT'
            ? { body: '{"memoryMb":512}', headers: { 'content-type': 'application/json' } }
            : {}),
        });
        const body = (await response.json()) as { message: string };
        expect({ method, length, status: response.status, message: body.message }).toEqual({
          method,
          length,
          status: 400,
          message: `id: ${length} characters; function ids are at most ${MAX_FUNCTION_ID_LENGTH} characters`,
        });
      }
    },
  );
});
