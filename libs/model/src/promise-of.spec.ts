import { promiseOf } from './promise-of';

describe('promiseOf', () => {
  it('returns the promise start() returns', async () => {
    await expect(promiseOf(() => Promise.resolve(3))).resolves.toBe(3);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const failing = (): Promise<number> => {
      throw new RangeError('bad row');
    };
    await expect(promiseOf(failing)).rejects.toThrow(RangeError);
  });
});
