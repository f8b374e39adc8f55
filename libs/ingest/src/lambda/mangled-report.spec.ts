import { parseLambdaLogLines } from './lambda-log-lines.parser';

const identity = {
  platform: 'aws_lambda' as const,
  account: '123456789012',
  region: 'eu-west-1',
  name: 'orders',
};

describe(parseLambdaLogLines.name, () => {
  it('keeps a REPORT line without any duration as a log, so the intact copy of that request counts', () => {
    const id = '8f5e2b9c-1d1a-4f3e-9a55-0c1f3c2d7e11';
    const text = [
      `2024-05-01T10:00:00.000Z REPORT RequestId: ${id}\tDuration: garbled\tMemory Size: 128 MB`,
      `2024-05-01T10:00:01.000Z REPORT RequestId: ${id}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB`,
    ].join('\n');
    const result = parseLambdaLogLines(text, { identity });
    expect(result.invocations).toHaveLength(1);
    expect(result.invocations[0]).toMatchObject({
      requestId: id,
      durationMs: 12.5,
      billedDurationMs: 13,
    });
    expect(result.logs.some((l) => l.body.includes('garbled') && l.severityText === 'WARN')).toBe(
      true,
    );
  });
});
