/**
 * Lines per request, for every route whose body is log lines (raw Lambda logs, the extracted
 * lines of a Firehose delivery). Each line becomes a row object many times its size, so a small
 * compressed body of short lines could otherwise exhaust memory within the byte limit: 25 million
 * `a` lines gzip to 65 KB and inflate to 50 MB, within FLEETSCOPE_MAX_BODY_BYTES.
 */
export const MAX_LINES = 200_000;

/**
 * The lines of `text` (a last line without its newline counts, an empty text has none), counted
 * no further than one past `limit`: the cost of counting stays that of the limit.
 */
export function countLines(text: Buffer | string, limit: number = MAX_LINES): number {
  const next =
    typeof text === 'string'
      ? (from: number) => text.indexOf('\n', from)
      : (from: number) => text.indexOf(10, from);
  let lines = 0;
  for (let at = next(0); at !== -1; at = next(at + 1)) if (++lines > limit) return lines;
  const last = text.length - 1;
  return last >= 0 && text[last] !== '\n' && text[last] !== 10 ? lines + 1 : lines;
}

/** Why a request over the limit is refused (413, counted as `too_many_lines`); `advice` follows. */
export function tooManyLinesMessage(
  limit: number = MAX_LINES,
  advice = 'send smaller batches',
): string {
  return `more than ${limit} lines in one request: ${advice}`;
}
