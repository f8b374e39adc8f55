import { parsePrometheusText } from './exposition-text.parser';
import { takeSnapshot, type ScrapeSelection } from './scrape-snapshot';
import { ScrapeStateStore } from './scrape-state.store';

const SELECTION: ScrapeSelection = { counters: ['requests_total'], gauges: [], histograms: [] };

function snapshot(value: number) {
  return takeSnapshot(parsePrometheusText(`requests_total ${value}\n`), SELECTION);
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
});
