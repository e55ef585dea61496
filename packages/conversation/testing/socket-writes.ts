import type { Redis } from '@vocalia/service-kit';

export interface SocketWrites {
  /** What each write to the socket carried, in order (commands corked together are one write). */
  readonly writes: string[];
  restore(): void;
}

type WriteV = (chunks: { chunk: unknown }[], cb: (err?: Error | null) => void) => void;
type Write = (chunk: unknown, encoding: BufferEncoding, cb: (err?: Error | null) => void) => void;

/** Records the writes a connection makes to its socket (the syscalls), not the commands handed to it. */
export function recordSocketWrites(redis: Redis): SocketWrites {
  const socket = redis.stream as unknown as { _write: Write; _writev: WriteV };
  const writes: string[] = [];
  const write = socket._write.bind(socket);
  const writev = socket._writev.bind(socket);
  socket._write = (chunk, encoding, cb) => {
    writes.push(String(chunk));
    write(chunk, encoding, cb);
  };
  socket._writev = (chunks, cb) => {
    writes.push(chunks.map((c) => String(c.chunk)).join(''));
    writev(chunks, cb);
  };
  return {
    writes,
    restore() {
      delete (socket as Partial<typeof socket>)._write;
      delete (socket as Partial<typeof socket>)._writev;
    },
  };
}
