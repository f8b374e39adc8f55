/**
 * A request id as the Lambda log parser gets it: a REPORT line `padding` long as JSON.parse gives
 * it, and the id as a regular expression cuts it from the line (V8 keeps such a part as a slice of
 * the line). For specs of what keeps the line alive.
 */
export function cutRequestId(n: number, padding: string): string {
  const line = (
    JSON.parse(JSON.stringify({ m: `REPORT RequestId: ${n}-abcdef0123456789\t${padding}` })) as {
      m: string;
    }
  ).m;
  return /RequestId: (\S+)/.exec(line)![1];
}
