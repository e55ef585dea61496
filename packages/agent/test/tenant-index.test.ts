import { TenantIndexCache } from '../src';
import { dentalSnapshot, secretTenantSnapshot } from './support/fixtures';

describe('tenant index cache', () => {
  it('when the same snapshot version is asked again, then the index is reused, and a new version rebuilds it', () => {
    const cache = new TenantIndexCache();
    const v1 = cache.get(dentalSnapshot({ version: 'v1' }));
    expect(cache.get(dentalSnapshot({ version: 'v1' }))).toBe(v1);
    const v2 = cache.get(dentalSnapshot({ version: 'v2' }));
    expect(v2).not.toBe(v1);
    expect(v2.version).toBe('v2');
    expect(cache.size).toBe(1);
  });

  it('when two tenants share a version string, then each keeps its own index', () => {
    const cache = new TenantIndexCache();
    const dental = cache.get(dentalSnapshot({ version: 'v1' }));
    const other = cache.get(secretTenantSnapshot());
    expect(other).not.toBe(dental);
    expect(cache.get(dentalSnapshot({ version: 'v1' }))).toBe(dental);
    expect(dental.chunks.every((c) => c.chunk.documentId.startsWith('doc-') && !c.chunk.text.includes('PLATINUM'))).toBe(true);
  });

  it('when more tenants than the limit are cached, then the least recently used is dropped', () => {
    const cache = new TenantIndexCache(2);
    const a = dentalSnapshot();
    const b = { ...a, tenant: { ...a.tenant, id: 'b' } };
    const c = { ...a, tenant: { ...a.tenant, id: 'c' } };
    const first = cache.get(a);
    cache.get(b);
    cache.get(a);
    cache.get(c);
    expect(cache.size).toBe(2);
    expect(cache.get(a)).toBe(first);
    expect(cache.get(b)).not.toBe(first);
  });
});
