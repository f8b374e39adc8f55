import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { parse } from 'yaml';
import { shellWord, yamlScalar } from './snippet-quoting';

/** The arguments a shell reads from `words`, each word's own (`printf '%s\0'` once per word). */
function shellReads(words: string[], shell: 'bash' | 'dash'): string[][] {
  const script = words.map((w) => `printf '%s\\0' ${w}; printf '\\036'`).join('\n');
  const out = execFileSync(shell, [...(shell === 'bash' ? ['--norc'] : []), '-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out
    .split('\x1e')
    .slice(0, -1)
    .map((word) => word.split('\0').slice(0, -1));
}

const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

// Any string but NUL, which no argument can hold.
const anyValue = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));

describe(shellWord.name, () => {
  it('leaves plain words as they are', () => {
    for (const w of [
      'checkout',
      'us-east-1.orders',
      'a_b-c',
      'x=1',
      'arn:aws:lambda:eu-west-1:1:function:f',
      '50%',
    ])
      expect(shellWord(w)).toBe(w);
  });

  it('quotes what a shell would expand or split', () => {
    expect(shellWord("a$(touch x);b'c")).toBe(`'a$(touch x);b'\\''c'`);
    expect(shellWord('')).toBe("''");
    expect(shellWord('=ls')).toBe("'=ls'");
    expect(shellWord('~root')).toBe("'~root'");
    expect(shellWord('a\\b')).toBe(`'a'\\\\'b'`);
    expect(shellWord('a\nb')).toBe(`$'a\\x0Ab'`);
  });

  it('bash reads back every value as one argument', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 1, maxLength: 50 }), (values) => {
        expect(shellReads(values.map(shellWord), 'bash')).toEqual(values.map((v) => [v]));
      }),
      { numRuns: 20 },
    );
  });

  it("dash, without $'…', reads every value as one argument, the value itself when printable", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyValue, fc.constantFrom("a\n'$(echo b)'", "\x1b\\'`echo b`")), {
          minLength: 1,
          maxLength: 50,
        }),
        (values) => {
          const read = shellReads(values.map(shellWord), 'dash');
          expect(read.map((args) => args.length)).toEqual(values.map(() => 1));
          values.forEach((v, i) => {
            if (!UNPRINTABLE.test(v)) expect(read[i][0]).toBe(v);
          });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe(yamlScalar.name, () => {
  it('leaves plain names as they are and quotes what YAML reads as another type', () => {
    expect(yamlScalar('thumbs')).toBe('thumbs');
    expect(yamlScalar('on')).toBe('"on"');
    expect(yamlScalar('0x1F')).toBe('"0x1F"');
    expect(yamlScalar('a:\n  b')).toBe('"a:\\n  b"');
  });

  it('YAML 1.1 and 1.2 read back every value as the one key', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        for (const version of ['1.1', '1.2'] as const) {
          const doc = parse(`${yamlScalar(value)}: 1\n`, { version }) as Record<string, unknown>;
          expect(Object.entries(doc)).toEqual([[value, 1]]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
