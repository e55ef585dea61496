import { createBatcher } from '../src/deliveries/batcher';

describe('createBatcher', () => {
  it('when items are asked while a batch runs, then they go together in the next batch and each gets its own answer', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = createBatcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items.map((n) => n * 10);
    }, { maxBatch: 100, maxInFlight: 1 });
    const first = batcher.load(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((n) => batcher.load(n));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('when a batch is bigger than maxBatch, then it is split', async () => {
    const sizes: number[] = [];
    const batcher = createBatcher<number, number>(async (items) => (sizes.push(items.length), items), { maxBatch: 2, maxInFlight: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.load(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('when a batch fails, then only its items are rejected and the next batch runs', async () => {
    let calls = 0;
    const batcher = createBatcher<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
      return items;
    }, { maxBatch: 10, maxInFlight: 1 });
    await expect(batcher.load(1)).rejects.toThrow('database away');
    expect(await batcher.load(2)).toBe(2);
  });
});
