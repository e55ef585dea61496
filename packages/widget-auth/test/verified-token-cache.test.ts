import { createVerifiedTokenCache } from '../src/verified-token-cache';

describe('verified token cache', () => {
  it('when a token reaches its exp, then it is no longer remembered', () => {
    const cache = createVerifiedTokenCache<string>({ maxEntries: 10, maxAgeSec: 600 });
    cache.set('t1', 'acme', 1000, 1030);
    expect(cache.get('t1', 1029)).toBe('acme');
    expect(cache.get('t1', 1030)).toBeUndefined();
  });

  it('when a token lives longer than the max age, then it is remembered only for the max age', () => {
    const cache = createVerifiedTokenCache<string>({ maxEntries: 10, maxAgeSec: 60 });
    cache.set('t1', 'acme', 1000, 5000);
    expect(cache.get('t1', 1059)).toBe('acme');
    expect(cache.get('t1', 1060)).toBeUndefined();
  });

  it('when the cache is full, then the least recently used token is forgotten first', () => {
    const cache = createVerifiedTokenCache<string>({ maxEntries: 2, maxAgeSec: 60 });
    cache.set('a', 'A', 1000, 2000);
    cache.set('b', 'B', 1000, 2000);
    cache.get('a', 1001);
    cache.set('c', 'C', 1001, 2000);
    expect([cache.get('a', 1002), cache.get('b', 1002), cache.get('c', 1002)]).toEqual(['A', undefined, 'C']);
  });
});
