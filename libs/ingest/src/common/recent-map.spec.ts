import { RecentMap } from './recent-map';

function keys<K, V>(map: RecentMap<K, V>): K[] {
  return [...map.entries()].map(([k]) => k);
}

describe(RecentMap.name, () => {
  it('drops the least recently set entry past max', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(keys(map)).toEqual(['b', 'c']);
    expect(map.size).toBe(2);
  });

  it('counts a set of an existing key or a touch as a sighting', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect(keys(map)).toEqual(['a', 'c']);
    expect(map.touch('a')).toBe(10);
    map.set('d', 4);
    expect(keys(map)).toEqual(['a', 'd']);
  });

  it('does not count get or has as a sighting', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    expect(map.has('a')).toBe(true);
    map.set('c', 3);
    expect(keys(map)).toEqual(['b', 'c']);
    expect(map.touch('a')).toBeUndefined();
  });

  it('restores an entry in its place, or last, without evicting', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.restore('a', 0);
    expect([...map.entries()]).toEqual([
      ['a', 0],
      ['b', 2],
    ]);
    map.restore('c', 3);
    expect(keys(map)).toEqual(['a', 'b', 'c']);
    map.set('d', 4);
    expect(keys(map)).toEqual(['c', 'd']);
  });

  it('deletes an entry', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    expect(map.delete('a')).toBe(true);
    expect(map.delete('a')).toBe(false);
    expect(map.size).toBe(0);
  });
});
