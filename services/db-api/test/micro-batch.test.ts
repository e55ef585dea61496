import { microBatch } from '../src/workers/micro-batch';

describe('microBatch', () => {
  it('when items arrive together and while a flush runs, then they go out in as few flushes as the load allows, each caller getting its own result', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const add = microBatch(async (items: number[]) => {
      flushes.push(items);
      if (flushes.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((n) => n * 10);
    }, 3);
    const first = [add(1), add(2)];
    await new Promise((r) => setImmediate(r));
    const later = [add(3), add(4), add(5), add(6)];
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(flushes).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('when a flush fails, then only the callers of that batch get its error', async () => {
    const add = microBatch(async (items: string[]) => {
      if (items.includes('bad')) throw new Error('refused');
      return items;
    }, 2);
    const results = await Promise.allSettled([add('bad'), add('ok'), add('fine')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
