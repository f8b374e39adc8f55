import { parsePrometheusText } from './exposition-text.parser';
import { takeSnapshot, type ScrapeSelection } from './scrape-snapshot';
import { ScrapeStateStore } from './scrape-state.store';

const SELECTION: ScrapeSelection = {
  counters: ['requests_total'],
  gauges: [],
  histograms: ['latency_ms'],
};

function snapshot(value: number) {
  return takeSnapshot(parsePrometheusText(`requests_total ${value}\n`), SELECTION);
}

/** A federated scrape: one series per pod, `undefined` where that pod's series is missing. */
function pods(values: Record<string, number | undefined>) {
  let text = '';
  for (const [pod, value] of Object.entries(values)) {
    if (value === undefined) continue;
    text += `requests_total{pod="${pod}"} ${value}\n`;
    text += `latency_ms_bucket{pod="${pod}",le="100"} ${value}\nlatency_ms_bucket{pod="${pod}",le="+Inf"} ${value}\n`;
    text += `latency_ms_sum{pod="${pod}"} ${value * 10}\nlatency_ms_count{pod="${pod}"} ${value}\n`;
  }
  return takeSnapshot(parsePrometheusText(text), SELECTION);
}

function histogramDelta(step: ReturnType<ScrapeStateStore['advance']>): number | undefined {
  if (step.kind !== 'interval') return undefined;
  return step.diff.histograms.reduce((sum, h) => sum + h.count, 0);
}

function delta(step: ReturnType<ScrapeStateStore['advance']>): number | undefined {
  if (step.kind !== 'interval') return undefined;
  return [...step.diff.counters.values()].reduce((sum, c) => sum + c.delta, 0);
}

describe(ScrapeStateStore.name, () => {
  it('takes back a scrape whose rows were not stored, so the next one covers both intervals', () => {
    const store = new ScrapeStateStore(15 * 60_000);
    store.advance('t', snapshot(10), 60_000, false);
    expect(delta(store.advance('t', snapshot(15), 120_000, false))).toBe(5);
    store.undo('t', 120_000);
    expect(delta(store.advance('t', snapshot(22), 180_000, false))).toBe(12);
  });

  it('leaves a target alone when a later scrape was recorded since', () => {
    const store = new ScrapeStateStore(15 * 60_000);
    store.advance('t', snapshot(10), 60_000, false);
    store.advance('t', snapshot(15), 120_000, false);
    store.advance('t', snapshot(20), 180_000, false);
    store.undo('t', 120_000);
    expect(delta(store.advance('t', snapshot(21), 240_000, false))).toBe(1);
  });

  it('forgets the least recently seen targets past its bound', () => {
    const store = new ScrapeStateStore(15 * 60_000, 2);
    store.advance('a', snapshot(1), 60_000, false);
    store.advance('b', snapshot(1), 60_000, false);
    store.advance('a', snapshot(2), 120_000, false);
    store.advance('c', snapshot(1), 60_000, false);
    expect(store.size).toBe(2);
    expect(store.advance('b', snapshot(5), 180_000, false).kind).toBe('baseline');
  });

  it('diffs a series missing from one scrape against its last value when it returns', () => {
    // Prometheus /federate leaves out a pod's series when it failed to scrape that pod once.
    const store = new ScrapeStateStore(15 * 60_000);
    store.advance('t', pods({ p1: 1000, p2: 900 }), 30_000, false);
    const steps = [
      store.advance('t', pods({ p1: 1030, p2: 930 }), 60_000, false),
      store.advance('t', pods({ p1: 1060, p2: undefined }), 90_000, false),
      store.advance('t', pods({ p1: 1090, p2: 990 }), 120_000, false),
    ];
    expect(steps.map(delta)).toEqual([60, 30, 90]);
    expect(steps.map(histogramDelta)).toEqual([60, 30, 90]);
    expect(steps.map((s) => (s.kind === 'interval' ? s.diff.resets : -1))).toEqual([0, 0, 0]);
  });

  it('counts a series never seen before from zero, and a returning one that went back as a reset', () => {
    const store = new ScrapeStateStore(15 * 60_000);
    store.advance('t', pods({ p1: 100 }), 30_000, false);
    store.advance('t', pods({ p1: undefined }), 60_000, false);
    // A new pod (a new pod name is a new series) started from zero; p1 came back restarted.
    const step = store.advance('t', pods({ p1: 4, p3: 5 }), 90_000, false);
    expect(delta(step)).toBe(9);
    expect(step.kind === 'interval' && step.diff.resets).toBe(2); // p1's counter and histogram
  });

  it('forgets a missing series after maxIntervalMs, so it then counts from zero', () => {
    const store = new ScrapeStateStore(60_000);
    store.advance('t', pods({ p1: 10, p2: 500 }), 1, false);
    store.advance('t', pods({ p1: 20 }), 60_000, false);
    store.advance('t', pods({ p1: 30 }), 120_000, false);
    // Diffed against its last value (500) it would add 100.
    expect(delta(store.advance('t', pods({ p1: 40, p2: 600 }), 120_003, false))).toBe(610);
  });

  it('takes back the missing series with an undone scrape', () => {
    const store = new ScrapeStateStore(15 * 60_000);
    store.advance('t', pods({ p1: 10, p2: 20 }), 30_000, false);
    store.advance('t', pods({ p1: 11, p2: undefined }), 60_000, false);
    store.advance('t', pods({ p1: 12, p2: 22 }), 90_000, false);
    store.undo('t', 90_000);
    expect(delta(store.advance('t', pods({ p1: 13, p2: 23 }), 120_000, false))).toBe(5);
  });
});
