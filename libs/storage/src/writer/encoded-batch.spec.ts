import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { InvocationRecord } from '@fleetscope/model';
import {
  encodeBatch,
  invocationHash,
  loggedFacts,
  putLogLine,
  type EncodedBatch,
} from './encoded-batch';
import { LineBuffer } from './line-buffer';
import { cutRequestId } from '../testing/cut-request-id';

/** The engine's garbage collector, as `node --expose-gc` would give it. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function invocation(requestId: string): InvocationRecord {
  return {
    source: 'lambda_log',
    functionId: 'aws:lambda:eu-west-1:123456789012:function:checkout',
    platform: 'aws_lambda',
    requestId,
    startTimeMs: Date.UTC(2026, 11, 6, 2),
    durationMs: 12,
    status: 'success',
  } as InvocationRecord;
}

describe('encodeBatch', () => {
  it('keeps each invocation key as its hash, and not the text its request id was cut from', () => {
    const gc = collector();
    const scratch = new LineBuffer();
    const padding = 'x'.repeat(20_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const batches: EncodedBatch[] = [];
    for (let i = 0; i < 1_000; i++) {
      batches.push(encodeBatch({ invocations: [invocation(cutRequestId(i, padding))] }, scratch));
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    // 1,000 lines of 20 kB are 20 MB; the queued batches themselves well under that.
    expect(retained).toBeLessThan(4 * 1024 * 1024);
    const { high, low } = invocationHash(
      'aws:lambda:eu-west-1:123456789012:function:checkout',
      'lambda_log',
      '7-abcdef0123456789',
    );
    expect(batches[7].invocationHashes).toEqual([high, low]);
  });

  it('hashes every key of a batch in row order, whatever its characters', () => {
    const ids = ['a', '', 'café', 'a\ud800b', '\u{1f600}', 'x'.repeat(300)];
    const batch = encodeBatch({ invocations: ids.map(invocation) }, new LineBuffer());
    expect(batch.invocationHashes).toEqual(
      ids.flatMap((id) => {
        const hash = invocationHash(
          'aws:lambda:eu-west-1:123456789012:function:checkout',
          'lambda_log',
          id,
        );
        return [hash.high, hash.low];
      }),
    );
    const pairs = ids.map((_, i) => batch.invocationHashes.slice(2 * i, 2 * i + 2).join());
    expect(new Set(pairs).size).toBe(ids.length);
  });
});

describe('loggedFacts', () => {
  const at = (requestId: string, startTimeMs: number, memorySizeMb: number): InvocationRecord => ({
    ...invocation(requestId),
    startTimeMs,
    memorySizeMb,
    runtime: '',
    architecture: 'arm64',
  });
  const hint = { functionId: 'f', version: '', runtime: 'java21', observedAtMs: 5 };

  it("reads a logged line's hints, and its invocations' settings at the earliest and latest time each shows", () => {
    const batch = {
      invocations: [at('a', 30, 512), at('b', 10, 512), at('c', 20, 512), at('d', 40, 1024)],
    };
    const out = new LineBuffer();
    putLogLine(out, encodeBatch(batch, new LineBuffer()), [hint]);
    const document: unknown = JSON.parse(out.bytes().toString('utf8'));
    const seen = (startTimeMs: number, memorySizeMb: number) => ({
      functionId: 'aws:lambda:eu-west-1:123456789012:function:checkout',
      source: 'lambda_log',
      startTimeMs,
      memorySizeMb,
      runtime: '',
      architecture: 'arm64',
    });
    expect(loggedFacts(document)).toEqual({
      invocations: [seen(10, 512), seen(30, 512), seen(40, 1024)],
      hints: [hint],
    });
    // An earlier version's line (the decoded batch) has no hints.
    expect(loggedFacts(JSON.parse(JSON.stringify(batch)))).toEqual({
      invocations: [seen(10, 512), seen(30, 512), seen(40, 1024)],
      hints: [],
    });
  });

  it('writes nothing more for a batch without hints', () => {
    const encoded = encodeBatch({ invocations: [at('a', 1, 128)] }, new LineBuffer());
    const [plain, empty] = [undefined, []].map((hints) => {
      const out = new LineBuffer();
      putLogLine(out, encoded, hints);
      return out.bytes().toString('utf8');
    });
    expect(empty).toBe(plain);
    expect(plain).not.toContain('hints');
  });
});
