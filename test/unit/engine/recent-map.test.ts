// RecentMap keeps the caches checks fill on demand bounded: the least recently used entry goes first.
import * as assert from 'node:assert/strict';
import { RecentMap } from '../../../server/src/engine/recent-map';

const keys = (map: RecentMap<string, number>, candidates: string[]) => candidates.filter((key) => map.get(key) !== undefined);

describe('engine: RecentMap', () => {
  it('forgets the least recently set entry past its limit', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    assert.equal(map.size, 2);
    assert.equal(map.get('a'), undefined);
    assert.deepEqual([map.get('b'), map.get('c')], [2, 3]);
  });

  it('counts a read as a use: the entry read last is kept', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    assert.equal(map.get('a'), 1);
    map.set('c', 3);
    assert.equal(map.get('b'), undefined);
    assert.equal(map.get('a'), 1);
  });

  it('replaces a value in place without growing, and makes it the most recent', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    assert.equal(map.size, 2);
    assert.equal(map.get('a'), 10);
    assert.equal(map.get('b'), undefined);
  });

  it('stays bounded over many files', () => {
    const map = new RecentMap<string, number>(8);
    const names = Array.from({ length: 100 }, (_, i) => `f${i}`);
    names.forEach((name, i) => map.set(name, i));
    assert.equal(map.size, 8);
    assert.deepEqual(keys(map, names), names.slice(-8));
  });

  it('refuses a limit below one', () => {
    assert.throws(() => new RecentMap(0), /limit must be at least 1/);
  });
});
