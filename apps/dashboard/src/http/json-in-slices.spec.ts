import type { Readable } from 'node:stream';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { JsonInSlicesInterceptor, jsonInSlices } from './json-in-slices';

const text = (body: Record<string, unknown>, field: string, perSlice?: number) =>
  [...jsonInSlices(body, field, perSlice)].join('');

describe(jsonInSlices.name, () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `fn-${i}`,
      rate: i === 0 ? null : 1 / i,
      name: 'quote " and \\ and \u2028 and é',
      nested: { p50: i * 1.5, tags: [i, 'x'] },
      skipped: undefined,
    }));

  it.each([0, 1, 2, 3, 4, 7])('writes what JSON.stringify writes: %i rows in slices of 3', (n) => {
    const body = { from: 'a', functions: rows(n), fleet: { rate: 0.5 }, gone: undefined };
    const sliced = text(body, 'functions', 3);
    expect(sliced).toBe(JSON.stringify(body));
    expect(JSON.parse(sliced)).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('writes the array where the object has it, and leaves alone a field that is not an array', () => {
    const first = { functions: rows(5), to: 'b' };
    expect(text(first, 'functions', 2)).toBe(JSON.stringify(first));
    const notArray = { functions: { a: 1 }, n: 2 };
    expect(text(notArray, 'functions', 2)).toBe(JSON.stringify(notArray));
  });

  it('writes an empty object and one whose only field is left out', () => {
    expect(text({}, 'functions')).toBe('{}');
    expect(text({ gone: undefined }, 'functions')).toBe('{}');
  });

  it('yields one piece per slice of the array', () => {
    const pieces = [...jsonInSlices({ functions: rows(250) }, 'functions', 100)];
    // '{"functions":[', three slices, ']', '}'
    expect(pieces).toHaveLength(6);
  });
});

describe(JsonInSlicesInterceptor.name, () => {
  /** The interceptor on a route marked for `functions`, answering `body`. */
  async function answer(body: unknown): Promise<{ sent: unknown; type: string | undefined }> {
    let type: string | undefined;
    const context = {
      getHandler: () => undefined,
      switchToHttp: () => ({ getResponse: () => ({ type: (t: string) => (type = t) }) }),
    } as unknown as ExecutionContext;
    const reflector = { get: () => 'functions' } as unknown as Reflector;
    const sent = await lastValueFrom(
      new JsonInSlicesInterceptor(reflector).intercept(context, { handle: () => of(body) }),
    );
    return { sent, type };
  }

  it('answers a plain object as a stream of JSON text', async () => {
    const body = { functions: [{ id: 'a' }, { id: 'b' }], n: 2 };
    const { sent, type } = await answer(body);
    expect(type).toBe('application/json; charset=utf-8');
    let text = '';
    for await (const piece of sent as Readable) text += String(piece);
    expect(text).toBe(JSON.stringify(body));
  });

  it.each([
    ['a Buffer', Buffer.from('x')],
    ['an array', [1, 2]],
    ['a class instance', new Date(0)],
    ['a string', 'text'],
  ])('leaves %s as it is', async (_name, body) => {
    const { sent, type } = await answer(body);
    expect(sent).toBe(body);
    expect(type).toBeUndefined();
  });
});
