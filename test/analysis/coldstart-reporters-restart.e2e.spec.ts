import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionId } from '@fleetscope/model';
import { getJson, startFleetscope, type RunningFleetscope } from '../support/fleetscope-app';
import { post } from '../platform/platform-ingest.helpers';
import { deltaCounter, lambdaResourceMetrics } from '../support/otlp-json-metrics';

/**
 * A function that sends OpenTelemetry FaaS metrics as delta counters reports faas.coldstarts only
 * in minutes with a cold start. The collector remembers that it reports them, so its other
 * minutes are warm, not of unknown start: across a restart too, from the stored minutes.
 */
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const NAME = 'metrics-delta';
const ID = functionId({ platform: 'aws_lambda', account: ACCOUNT, region: REGION, name: NAME });
const HOUR_MS = 3_600_000;
const FIRST = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 5 * HOUR_MS;
const LATER = FIRST + 2 * HOUR_MS;

function metrics(minuteMs: number, counters: [string, number][]) {
  return {
    resourceMetrics: [
      lambdaResourceMetrics(
        { account: ACCOUNT, region: REGION, name: NAME },
        counters.map(([name, value]) => deltaCounter(name, value, minuteMs)),
      ),
    ],
  };
}

interface Row {
  id: string;
  invocations: number;
  coldStartUnknown: number;
  coldStartRate: number | null;
}

describe('functions known to report faas.coldstarts, across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetscope-reporters-'));
  const env = {
    FLEETSCOPE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: `fleetscope_reporters_${process.pid}`,
  };
  let fleetscope: RunningFleetscope | undefined;

  afterAll(async () => {
    await fleetscope?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('defect: after a restart, the minutes without a cold start of a function that reported one read as of unknown start; they are warm', async () => {
    const first = await startFleetscope(env);
    try {
      const sent = await post(
        `${first.ingestUrl}/v1/metrics`,
        metrics(FIRST, [
          ['faas.invocations', 10],
          ['faas.coldstarts', 1],
        ]),
      );
      expect(sent.status).toBe(200);
      await first.flush();
    } finally {
      // Closed, not stopped: the data directory stays for the next start.
      await first.app.close();
    }
    fleetscope = await startFleetscope(env);
    // Delta counters: no faas.coldstarts point in a minute without a cold start.
    const sent = await post(
      `${fleetscope.ingestUrl}/v1/metrics`,
      metrics(LATER, [['faas.invocations', 8]]),
    );
    expect(sent.status).toBe(200);
    await fleetscope.flush();
    const { functions } = await getJson<{ functions: Row[] }>(
      fleetscope,
      `/api/functions?from=${LATER - HOUR_MS}&to=${LATER + HOUR_MS}`,
    );
    expect(functions.find((f) => f.id === ID)).toMatchObject({
      invocations: 8,
      coldStartUnknown: 0,
      coldStartRate: 0,
    });
  }, 120_000);
});
