export interface Batcher<I, O> {
  /** Resolves with this item's result once the batch it joined has run (rejects if that batch failed). */
  load(item: I): Promise<O>;
}

export interface BatcherOptions {
  maxBatch: number;
  /** Batches running at once; items arriving meanwhile wait and go together in the next one. */
  maxInFlight: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Groups the items asked for while earlier batches run into one call of `run` (which answers item i at
 * index i): idle, an item goes alone on the next turn of the event loop; busy, batches grow with the load.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, opts: BatcherOptions): Batcher<I, O> {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, opts.maxBatch);
    if (batch.length === 0) return;
    inFlight += 1;
    run(batch.map((w) => w.item))
      .then(
        (outs) => batch.forEach((w, i) => w.resolve(outs[i] as O)),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        inFlight -= 1;
        schedule();
      });
    schedule();
  };
  function schedule(): void {
    if (scheduled || inFlight >= opts.maxInFlight || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    load(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
