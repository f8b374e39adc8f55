import { withRetries } from './delivery.retry';

describe(withRetries.name, () => {
  const failing = () => Promise.reject(new Error('webhook answered 503: busy'));

  it('spends every attempt, doubling the wait, and fails with the last error', async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    expect(await withRetries(failing, { attempts: 5, baseDelayMs: 2000, sleep })).toEqual({
      ok: false,
      attempts: 5,
      error: 'webhook answered 503: busy',
    });
    expect(waits).toEqual([2000, 4000, 8000, 16000]);
  });

  it('stops before the next attempt once stopped says so: neither delivered nor failed', async () => {
    let stopped = false;
    const sleep = () => {
      stopped = true;
      return Promise.resolve();
    };
    const outcome = await withRetries(failing, {
      attempts: 5,
      baseDelayMs: 2000,
      sleep,
      stopped: () => stopped,
    });
    expect(outcome).toEqual({
      ok: false,
      attempts: 1,
      error: 'webhook answered 503: busy',
      interrupted: true,
    });
  });
});
