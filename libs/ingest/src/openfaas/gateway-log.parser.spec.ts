import { bucketIndex, functionId } from '@fleetscope/model';
import { coldStartRows, parseGatewayLogs } from './gateway-log.parser';

// Lines rendered from the gateway's format strings (openfaas/faas gateway/scaling/function_scaler.go:
// "[Scale %d/%d] function=%s 0 => %d requested", "[Ready] function=%s waited for - %.4fs";
// gateway/handlers/scaling.go: "[Scale] function=%s 0=>N timed-out after %f seconds") behind Go's
// log prefix. No captured gateway log is public.
const lines = [
  '2024/05/06 10:00:01 Forwarded: POST /function/echo (2.11ms)',
  '2024/05/06 10:00:02 [Scale 1/20] function=nodeinfo 0 => 1 requested',
  '2024/05/06 10:00:04 [Ready] function=nodeinfo waited for - 2.3412s',
  '2024/05/06 10:00:04 [Ready] function=nodeinfo waited for - 1.9010s',
  '2024-05-06T10:01:10.250000000Z 2024/05/06 10:01:10 [Ready] function=figlet.dev waited for - 0.5000s',
  '2024/05/06 10:02:40 [Scale] function=slow 0=>N timed-out after 30.000000 seconds',
  '2024/05/06 10:02:41 [Ready] function=broken waited for - soon',
];
const nodeinfo = functionId({
  platform: 'openfaas',
  account: 'openfaas-fn',
  region: 'edge-1',
  name: 'nodeinfo',
});

describe(parseGatewayLogs.name, () => {
  it('finds every request that waited for a scale from zero, with its wait', () => {
    const result = parseGatewayLogs(lines.join('\n'), { gateway: 'edge-1' });
    expect(result.scaleRequests).toEqual([
      { functionId: nodeinfo, timeMs: Date.UTC(2024, 4, 6, 10, 0, 2), replicas: 1 },
    ]);
    expect(
      result.coldStarts.map((c) => [c.name, c.namespace, c.waitMs, c.outcome, c.scaleRequested]),
    ).toEqual([
      ['nodeinfo', 'openfaas-fn', 2341.2, 'ready', true],
      ['nodeinfo', 'openfaas-fn', 1901, 'ready', true],
      ['figlet', 'dev', 500, 'ready', false],
      ['slow', 'openfaas-fn', 30_000, 'timed-out', false],
    ]);
    expect(result.coldStarts[0].timeMs).toBe(Date.UTC(2024, 4, 6, 10, 0, 4));
    // The RFC 3339 stamp added by the log pipeline wins over Go's second-precision prefix.
    expect(result.coldStarts[2].timeMs).toBe(Date.UTC(2024, 4, 6, 10, 1, 10, 250));
  });

  it('counts an unreadable scaling line and keeps going', () => {
    const result = parseGatewayLogs(lines, { gateway: 'edge-1' });
    expect(result.errorCount).toBe(1);
    expect(result.errors[0]).toEqual({ line: 7, reason: 'unreadable [Ready] line' });
    expect(result.lines).toBe(7);
  });

  it('refuses a line naming a function OpenFaaS cannot have and keeps the others', () => {
    const result = parseGatewayLogs(
      [
        '2024/05/06 10:00:04 [Ready] function=../../ETC\u202e.%00bad waited for - 2.5000s',
        '2024/05/06 10:00:04 [Ready] function=figlet.dev waited for - 0.5000s',
        '2024/05/06 10:00:05 [Ready] function=figlet.Dev waited for - 0.5000s',
        '2024/05/06 10:00:06 [Scale 1/20] function=a_b 0 => 1 requested',
        `2024/05/06 10:00:07 [Scale] function=${'x'.repeat(64)} 0=>N timed-out after 30.000000 seconds`,
      ],
      { gateway: 'edge-1' },
    );
    expect(result.coldStarts.map((c) => c.functionId)).toEqual([
      functionId({ platform: 'openfaas', account: 'dev', region: 'edge-1', name: 'figlet' }),
    ]);
    expect(result.scaleRequests).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.reason.replace(/ \(.*/, '')])).toEqual([
      [1, 'function name "../../ETC\u202e" is not a DNS-1123 label'],
      [3, 'namespace "Dev" is not a DNS-1123 label'],
      [4, 'function name "a_b" is not a DNS-1123 label'],
      [5, `function name "${'x'.repeat(64)}" is not a DNS-1123 label`],
    ]);
  });

  it('refuses a scaling line dated at a time that does not exist, and a wait no init duration can be', () => {
    const result = parseGatewayLogs(
      [
        '9999/99/99 99:99:99 [Ready] function=echo waited for - 1.0000s',
        '2024/05/06 10:00:04 [Ready] function=echo waited for - 1e308s',
        '2024/05/06 10:02:40 [Scale] function=echo 0=>N timed-out after 1e308 seconds',
        '2024/05/06 10:00:04 [Ready] function=echo waited for - 1.0000s',
      ],
      { gateway: 'g', defaultTimeMs: Date.UTC(2024, 4, 6, 12) },
    );
    expect(result.coldStarts.map((c) => [c.timeMs, c.waitMs])).toEqual([
      [Date.UTC(2024, 4, 6, 10, 0, 4), 1000],
    ]);
    expect(result.errors).toEqual([
      { line: 1, reason: 'unreadable time "9999/99/99 99:99:99"' },
      {
        line: 2,
        reason: 'wait "1e308s" is longer than an init duration can be (at most 4294 s)',
      },
      {
        line: 3,
        reason: 'wait "1e308" is longer than an init duration can be (at most 4294 s)',
      },
    ]);
  });

  it('uses the default time for lines without a timestamp and refuses them without one', () => {
    const line = '[Ready] function=echo waited for - 1.0000s';
    expect(
      parseGatewayLogs([line], { gateway: 'g', defaultTimeMs: 1_700_000_000_000 }).coldStarts[0]
        .timeMs,
    ).toBe(1_700_000_000_000);
    expect(parseGatewayLogs([line], { gateway: 'g' }).errorCount).toBe(1);
  });
});

describe(coldStartRows.name, () => {
  it('puts each cold start in the minute its request arrived, with the wait as init duration', () => {
    const { coldStarts } = parseGatewayLogs(lines, { gateway: 'edge-1' });
    const rows = coldStartRows(coldStarts);
    const node = rows.find((r) => r.functionId === nodeinfo)!;
    expect(node).toMatchObject({
      source: 'openfaas_gateway',
      minuteMs: Date.UTC(2024, 4, 6, 10, 0),
      invocations: 0,
      coldStarts: 2,
      initDurationSumMs: 4242.2,
    });
    expect(node.initBuckets).toEqual({ [bucketIndex(2341.2)]: 1, [bucketIndex(1901)]: 1 });
    // The timed-out wait started at 10:02:10.
    expect(rows.find((r) => r.initDurationSumMs === 30_000)?.minuteMs).toBe(
      Date.UTC(2024, 4, 6, 10, 2),
    );
  });
});
