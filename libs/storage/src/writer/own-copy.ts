/**
 * A string's characters in a string of their own. A key is made of parts cut from the text they
 * were parsed from (a request id a regular expression took from a REPORT line): V8 keeps such a
 * part as a slice of that text and a concatenation as a pair of its parts, so a key kept would
 * keep the whole log line alive (a REPORT line's ~250 bytes for a key's ~60), which every major
 * GC marks once it is old. Neither a Set, a Map nor a join of one string flattens it away; a copy
 * through bytes does (~0.25 µs a key; recent-keys.spec.ts, encoded-batch.spec.ts).
 */
export function ownCopy(key: string): string {
  // Latin-1 keeps one byte a character; UTF-16 holds any other string as it is, lone surrogates
  // included (UTF-8 would replace them).
  let encoding: 'latin1' | 'utf16le' = 'latin1';
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 0xff) {
      encoding = 'utf16le';
      break;
    }
  }
  return Buffer.from(key, encoding).toString(encoding);
}
