/**
 * Gathers items handed in by concurrent callers into batches for one `flush` at a time: the first item
 * starts a flush on the next turn of the event loop, and whatever arrives while a flush runs goes into the
 * next one, so a quiet queue pays no waiting and a busy one gets batches as large as the load (at most
 * `maxSize`). Each caller gets its own item's result, or the error that failed its batch.
 */
export function microBatch<T, R>(flush: (items: T[]) => Promise<R[]>, maxSize: number): (item: T) => Promise<R> {
  type Pending = { item: T; resolve: (result: R) => void; reject: (err: unknown) => void };
  let queued: Pending[] = [];
  let flushing = false;

  const run = async (): Promise<void> => {
    flushing = true;
    while (queued.length) {
      const batch = queued.slice(0, maxSize);
      queued = queued.slice(batch.length);
      try {
        const results = await flush(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i] as R));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    flushing = false;
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queued.push({ item, resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(() => void run());
      }
    });
}
