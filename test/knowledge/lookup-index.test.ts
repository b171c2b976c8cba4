import { describe, expect, it } from 'vitest';
import { indexBy } from '../../src/knowledge/lookup-index.js';

describe('indexBy', () => {
  it('finds what list.find finds (the first item with a key), and nothing for an unknown key', () => {
    const list = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'a', n: 3 },
    ];
    const index = indexBy(list, 'id', (x) => x.id);
    for (const key of ['a', 'b', 'c']) expect(index.get(key)).toBe(list.find((x) => x.id === key));
  });

  it('builds one index per list and key name, reused on later calls', () => {
    const list = [{ id: 'a', name: 'x' }];
    const byId = indexBy(list, 'id', (x) => x.id);
    expect(indexBy(list, 'id', (x) => x.id)).toBe(byId);
    expect(indexBy(list, 'name', (x) => x.name).get('x')).toBe(list[0]);
    expect(indexBy([...list], 'id', (x) => x.id)).not.toBe(byId);
  });
});
