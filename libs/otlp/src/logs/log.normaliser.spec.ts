import type { OtlpKeyValue, OtlpLogsRequest } from '../common/otlp-request.types';
import { LambdaAccounts } from '../faas/lambda-accounts';
import { normaliseLogs } from './log.normaliser';

const s = (key: string, v: string): OtlpKeyValue => ({ key, value: { stringValue: v } });

// Shaped like the Lambda telemetryapi receiver's log records (docs/decisions.md "OpenTelemetry FaaS quirks"): faas.invocation_id
// on the record, the function on the resource.
function request(
  records: NonNullable<OtlpLogsRequest['resourceLogs']>[number]['scopeLogs'],
): OtlpLogsRequest {
  return {
    resourceLogs: [
      {
        resource: {
          attributes: [
            s('service.name', 'checkout'),
            s('cloud.platform', 'aws_lambda'),
            s('cloud.region', 'eu-west-1'),
            s('cloud.account.id', '123456789012'),
            s('faas.name', 'checkout'),
          ],
        },
        scopeLogs: records,
      },
    ],
  };
}

describe(normaliseLogs.name, () => {
  it('maps a record to a LogRow with request id, function id and source otlp', () => {
    const out = normaliseLogs(
      request([
        {
          logRecords: [
            {
              timeUnixNano: '1718000000123456789',
              observedTimeUnixNano: '1718000000200000000',
              severityNumber: 17,
              severityText: 'ERROR',
              body: { stringValue: 'boom' },
              traceId: '0AF7651916CD43DD8448EB211C80319C',
              spanId: 'b7ad6b7169203331',
              attributes: [s('faas.invocation_id', 'req-1')],
            },
            {
              observedTimeUnixNano: '1718000000300000000',
              body: { kvlistValue: { values: [{ key: 'k', value: { intValue: '1' } }] } },
              attributes: [s('faas.execution', 'req-legacy')],
              traceId: 'bad',
            },
          ],
        },
      ]),
    );
    expect(out.rejected).toBe(0);
    expect(out.logs[0]).toEqual({
      timeUnixNano: '1718000000123456789',
      observedTimeUnixNano: '1718000000200000000',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      severityText: 'ERROR',
      severityNumber: 17,
      serviceName: 'checkout',
      functionId: 'aws_lambda~123456789012~eu-west-1~checkout',
      requestId: 'req-1',
      source: 'otlp',
      body: 'boom',
      resourceAttributes: expect.objectContaining({ 'faas.name': 'checkout' }),
      logAttributes: { 'faas.invocation_id': 'req-1' },
    });
    // time falls back to observed time; an invalid trace id only unlinks the record
    expect(out.logs[1]).toMatchObject({
      timeUnixNano: '1718000000300000000',
      requestId: 'req-legacy',
      body: '{"k":1}',
      traceId: '',
    });
  });

  it('reads a severityNumber sent by its enum name, as span kinds and temporalities are read', () => {
    const record = (severityNumber: string) => ({
      timeUnixNano: '1718000000123456789',
      severityNumber,
      body: { stringValue: 'x' },
    });
    const out = normaliseLogs(
      request([
        {
          logRecords: [
            record('SEVERITY_NUMBER_ERROR'),
            record('SEVERITY_NUMBER_WARN2'),
            record('SEVERITY_NUMBER_FATAL4'),
            record('9'),
          ],
        },
      ]),
    );
    expect(out.logs.map((l) => l.severityNumber)).toEqual([17, 14, 24, 9]);
  });

  it('rejects records without any timestamp and keeps the others', () => {
    const out = normaliseLogs(
      request([
        {
          logRecords: [
            { body: { stringValue: 'no time' } },
            { timeUnixNano: '5', body: { stringValue: 'ok' } },
          ],
        },
      ]),
    );
    expect(out.logs.map((l) => l.body)).toEqual(['ok']);
    expect(out.reasons).toEqual({ invalid_timestamp: 1 });
  });

  it('leaves requestId and functionId empty when nothing identifies them', () => {
    const out = normaliseLogs({
      resourceLogs: [
        { scopeLogs: [{ logRecords: [{ timeUnixNano: '1', body: { stringValue: 'x' } }] }] },
      ],
    });
    expect(out.logs[0]).toMatchObject({ requestId: '', functionId: '', serviceName: '' });
  });

  it("keeps a record's eventName as the event.name attribute", () => {
    const out = normaliseLogs({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                { timeUnixNano: '1', eventName: 'browser.page_view', attributes: [s('a', 'b')] },
                { timeUnixNano: '2', eventName: 'x', attributes: [s('event.name', 'kept')] },
              ],
            },
          ],
        },
      ],
    });
    expect(out.logs.map((l) => l.logAttributes)).toEqual([
      { a: 'b', 'event.name': 'browser.page_view' },
      { 'event.name': 'kept' },
    ]);
  });

  it('refuses the records of a Lambda resource without cloud.account.id unless one function of that region and name is known', () => {
    const req = request([
      { logRecords: [{ timeUnixNano: '1718000000123456789', body: { stringValue: 'a' } }] },
      { logRecords: [{ timeUnixNano: '1718000000123456789', body: { stringValue: 'b' } }] },
    ]);
    const resource = req.resourceLogs![0].resource!;
    resource.attributes = resource.attributes!.filter((kv) => kv.key !== 'cloud.account.id');
    const refused = normaliseLogs(req, { lambdaAccounts: new LambdaAccounts() });
    expect(refused.logs).toEqual([]);
    expect(refused.reasons).toEqual({ missing_identity: 2 });
    expect(refused.errors[0]).toBe(
      'resourceLogs[0].scopeLogs[0]: Lambda function "checkout" in eu-west-1 has no cloud.account.id and no function of that name in eu-west-1 is known yet: set cloud.account.id on the resource (e.g. OTEL_RESOURCE_ATTRIBUTES=cloud.account.id=123456789012)',
    );
    const lambdaAccounts = new LambdaAccounts();
    lambdaAccounts.learn('123456789012', 'eu-west-1', 'checkout');
    const filed = normaliseLogs(req, { lambdaAccounts });
    expect(filed.rejected).toBe(0);
    expect(filed.logs.map((l) => l.functionId)).toEqual([
      'aws_lambda~123456789012~eu-west-1~checkout',
      'aws_lambda~123456789012~eu-west-1~checkout',
    ]);
  });
});
