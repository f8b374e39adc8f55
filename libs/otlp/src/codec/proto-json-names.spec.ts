import { renameToJsonNames } from './proto-json-names';

describe('renameToJsonNames', () => {
  it('renames proto names and pre-1.0 messages, and leaves keys named like Object members as they are', () => {
    const body = JSON.parse(
      '{"resource_spans":[{"instrumentationLibrarySpans":[{"spans":[]}],"constructor":1,"__proto__":{"x":1},"toString":"t"}]}',
    ) as Record<string, unknown>;
    renameToJsonNames(body);
    const [entry] = body.resourceSpans as Record<string, unknown>[];
    expect(Object.keys(entry).sort()).toEqual([
      '_Proto__',
      'constructor',
      'scopeSpans',
      'toString',
    ]);
    expect(entry.constructor).toBe(1);
    expect(entry.toString).toBe('t');
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
  });
});
