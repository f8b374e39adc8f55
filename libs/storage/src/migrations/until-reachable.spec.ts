import { StorageQueryError, StorageUnavailableError } from '../client/storage.errors';
import { untilReachable } from './until-reachable';

/** An open() that is refused `refusals` times, then answers (or fails with `then`). */
function opener(refusals: number, then?: Error) {
  let calls = 0;
  const open = () => {
    calls++;
    if (calls <= refusals)
      return Promise.reject(new StorageUnavailableError('connect ECONNREFUSED'));
    return then ? Promise.reject(then) : Promise.resolve('open');
  };
  return { open, calls: () => calls };
}

describe(untilReachable.name, () => {
  it('tries again while ClickHouse refuses the connection, and says so each time', async () => {
    const { open, calls } = opener(2);
    const retries: number[] = [];
    await expect(
      untilReachable(open, { attempts: 5, pauseMs: 1, onRetry: (_, n) => retries.push(n) }),
    ).resolves.toBe('open');
    expect(calls()).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('throws the last refusal once its tries are spent', async () => {
    const { open, calls } = opener(10);
    await expect(untilReachable(open, { attempts: 3, pauseMs: 1 })).rejects.toThrow(
      StorageUnavailableError,
    );
    expect(calls()).toBe(3);
  });

  it('does not retry any other error (a migration ClickHouse refused)', async () => {
    const { open, calls } = opener(0, new StorageQueryError('Syntax error', undefined, false));
    await expect(untilReachable(open, { attempts: 5, pauseMs: 1 })).rejects.toThrow('Syntax error');
    expect(calls()).toBe(1);
  });
});
