import { lambdaOutcome } from './lambda.driver';

describe('lambdaOutcome', () => {
  it('reads a timeout from the REPORT status', () => {
    expect(lambdaOutcome('Unhandled', '', 'timeout', '')).toEqual({
      outcome: 'timeout',
      errorType: 'Sandbox.Timedout',
    });
  });

  it('reads out-of-memory from the error type, in the REPORT line or the payload', () => {
    expect(lambdaOutcome('Unhandled', '', 'error', 'Runtime.OutOfMemory').outcome).toBe('oom');
    expect(lambdaOutcome('Unhandled', 'Runtime.OutOfMemory', '', '').outcome).toBe('oom');
  });

  it("treats other failures as the function's own errors, and the rest as success", () => {
    expect(lambdaOutcome('Unhandled', 'TypeError', '', '')).toEqual({
      outcome: 'error',
      errorType: 'TypeError',
    });
    expect(lambdaOutcome(undefined, '', '', '')).toEqual({ outcome: 'ok', errorType: '' });
  });
});
