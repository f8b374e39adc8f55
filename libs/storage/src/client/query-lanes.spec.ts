import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryGate, inBackground, inBackgroundLane, outsideBackgroundLane } from './query-lanes';

/** A query that records when it ran and takes `ms`. */
function recorder() {
  const log: string[] = [];
  const query = (name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await sleep(ms);
    log.push(`${name} end`);
    return name;
  };
  return { log, query };
}

describe(QueryGate.name, () => {
  it('starts a background query only after the running query ends and a quiet spell', async () => {
    const gate = new QueryGate(20);
    const { log, query } = recorder();
    const page = gate.run(query('page', 30));
    const analysis = inBackgroundLane(() => gate.run(query('analysis', 5)));
    await Promise.all([page, analysis]);
    expect(log).toEqual(['page start', 'page end', 'analysis start', 'analysis end']);
  });

  it('starts every other query at once, even while a background query runs', async () => {
    const gate = new QueryGate(0);
    const { log, query } = recorder();
    const analysis = inBackgroundLane(() => gate.run(query('analysis', 30)));
    await sleep(5);
    const page = gate.run(query('page', 5));
    await Promise.all([page, analysis]);
    expect(log.indexOf('page start')).toBeLessThan(log.indexOf('analysis end'));
  });

  it('lets a page read that arrives in the quiet spell go before the waiting background query', async () => {
    const gate = new QueryGate(30);
    const { log, query } = recorder();
    await gate.run(query('pre-query', 1));
    const analysis = inBackgroundLane(() => gate.run(query('analysis', 1)));
    await sleep(5);
    await gate.run(query('main query', 20));
    await analysis;
    expect(log).toEqual([
      'pre-query start',
      'pre-query end',
      'main query start',
      'main query end',
      'analysis start',
      'analysis end',
    ]);
  });

  it('runs background queries one at a time, and a failed one lets the next start', async () => {
    const gate = new QueryGate(0);
    const { log, query } = recorder();
    const failing = inBackgroundLane(() =>
      gate.run(async () => {
        log.push('failing start');
        await sleep(10);
        throw new Error('engine said no');
      }),
    );
    const next = inBackgroundLane(() => gate.run(query('next', 5)));
    await expect(failing).rejects.toThrow('engine said no');
    await expect(next).resolves.toBe('next');
    expect(log).toEqual(['failing start', 'next start', 'next end']);
  });

  it('knows the lane through awaits and nested calls', async () => {
    expect(inBackground()).toBe(false);
    await inBackgroundLane(async () => {
      await sleep(1);
      expect(inBackground()).toBe(true);
    });
    expect(inBackground()).toBe(false);
  });
});

describe(outsideBackgroundLane.name, () => {
  it('leaves the lane for the work and the timers it arms', async () => {
    const seen: boolean[] = [];
    await inBackgroundLane(async () => {
      await new Promise<void>((resolve) =>
        outsideBackgroundLane(() => {
          seen.push(inBackground());
          setTimeout(() => {
            seen.push(inBackground());
            resolve();
          }, 1);
        }),
      );
      seen.push(inBackground());
    });
    expect(seen).toEqual([false, false, true]);
  });
});

describe('QueryGate under a stream of other queries', () => {
  it('starts a waiting background query in a gap shorter than the quiet spell once it has aged', async () => {
    const gate = new QueryGate(30, 60, 1_000);
    let stop = false;
    const drains = (async () => {
      // Drains back to back, 5 ms apart: never a quiet spell of 30 ms.
      while (!stop) {
        await gate.run(() => sleep(10));
        await sleep(5);
      }
    })();
    const started = performance.now();
    await inBackgroundLane(() => gate.run(() => Promise.resolve()));
    const waited = performance.now() - started;
    stop = true;
    await drains;
    expect(waited).toBeLessThan(500);
  });

  it('starts a background query after the longest wait even while others always run', async () => {
    const gate = new QueryGate(30, 60, 150);
    let stop = false;
    // Two streams that overlap: some query is always running.
    const stream = async () => {
      while (!stop) await gate.run(() => sleep(20));
    };
    const streams = [stream(), (async () => (await sleep(10), stream()))()];
    const started = performance.now();
    await inBackgroundLane(() => gate.run(() => Promise.resolve()));
    const waited = performance.now() - started;
    stop = true;
    await Promise.all(streams);
    expect(waited).toBeLessThan(1_000);
  });

  it('lets a background query wait behind a longer one without spinning', async () => {
    // Past the longest wait, each turn armed a 1 ms timer and queued one more waiter: hundreds a
    // second for as long as the running background query lasted.
    const gate = new QueryGate(0, 0, 20);
    const { log, query } = recorder();
    const first = inBackgroundLane(() => gate.run(query('first', 200)));
    await sleep(5);
    const timers = jest.spyOn(global, 'setTimeout');
    const second = inBackgroundLane(() => gate.run(query('second', 1)));
    await Promise.all([first, second]);
    const armed = timers.mock.calls.length;
    timers.mockRestore();
    expect(log).toEqual(['first start', 'first end', 'second start', 'second end']);
    expect(armed).toBeLessThan(10);
  });

  it('keeps a background query out of the gaps between the queries of a hold', async () => {
    // A page's queries one after another, 40 ms apart: past the aging, the background query took
    // the first gap and the page's second query waited behind it.
    const gate = new QueryGate(20, 30, 2_000);
    const { log, query } = recorder();
    const release = gate.hold();
    const analysis = inBackgroundLane(() => gate.run(query('analysis', 1)));
    await gate.run(query('page 1', 10));
    await sleep(40);
    await gate.run(query('page 2', 10));
    log.push('page answered');
    release();
    release();
    await analysis;
    expect(log).toEqual([
      'page 1 start',
      'page 1 end',
      'page 2 start',
      'page 2 end',
      'page answered',
      'analysis start',
      'analysis end',
    ]);
  });

  it('bounds the wait of a background query behind a hold never released', async () => {
    const gate = new QueryGate(0, 0, 100);
    gate.hold();
    const started = performance.now();
    await inBackgroundLane(() => gate.run(() => Promise.resolve()));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps a process with nothing else to do alive while a background query waits its turn', () => {
    // A script's analysis run (bench:analyze) ended mid-run with status 0: its next query waited
    // for the quiet spell on a timer that did not hold the process.
    const lanes = JSON.stringify(join(__dirname, 'query-lanes.ts'));
    const script = `
      const { QueryGate, inBackgroundLane } = require(${lanes});
      const gate = new QueryGate(300);
      gate.run(async () => 'page')
        .then(() => inBackgroundLane(() => gate.run(async () => 'analysis')))
        .then((answer) => process.stdout.write(answer));`;
    const child = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('analysis');
  });
});
