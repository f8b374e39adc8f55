import { readFileSync, writeFileSync } from 'node:fs';

/** A request body as the collector received it, with what its route took from the URL/headers. */
export interface RecordedRequest {
  route: 'traces' | 'cloudwatch' | 'firehose';
  region: string;
  body: Buffer;
}

/**
 * Acknowledged request bodies handed to the server process in a file (length-prefixed records),
 * so the raw-insert phase rebuilds exactly the rows the collector stored from exactly the same
 * bytes, without pushing hundreds of megabytes through the IPC channel.
 */
export function writeRequestFile(path: string, requests: RecordedRequest[]): void {
  const parts: Buffer[] = [];
  for (const r of requests) {
    const head = Buffer.from(JSON.stringify({ route: r.route, region: r.region }));
    const lengths = Buffer.alloc(8);
    lengths.writeUInt32LE(head.length, 0);
    lengths.writeUInt32LE(r.body.length, 4);
    parts.push(lengths, head, r.body);
  }
  writeFileSync(path, Buffer.concat(parts));
}

export function readRequestFile(path: string): RecordedRequest[] {
  const data = readFileSync(path);
  const out: RecordedRequest[] = [];
  for (let at = 0; at < data.length;) {
    const headLength = data.readUInt32LE(at);
    const bodyLength = data.readUInt32LE(at + 4);
    at += 8;
    const head = JSON.parse(data.subarray(at, at + headLength).toString('utf8')) as Omit<
      RecordedRequest,
      'body'
    >;
    at += headLength;
    out.push({ ...head, body: data.subarray(at, at + bodyLength) });
    at += bodyLength;
  }
  return out;
}
