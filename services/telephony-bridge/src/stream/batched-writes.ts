import type { Duplex } from 'node:stream';

/**
 * Call before each write to `wire`: the writes of one tick (a reply chunk and its mark, or the
 * frames of a backlog) leave together in one system call instead of one each. The socket is corked
 * at the first write and uncorked once the tick's synchronous work is done, before any I/O, so no
 * write waits for a later event.
 */
export function batchWrites(wire: Pick<Duplex, 'cork' | 'uncork'>): () => void {
  let corked = false;
  const release = () => {
    corked = false;
    wire.uncork();
  };
  return () => {
    if (corked) return;
    corked = true;
    wire.cork();
    process.nextTick(release);
  };
}
