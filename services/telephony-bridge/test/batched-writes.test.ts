import { Writable } from 'node:stream';
import { batchWrites } from '../src/stream/batched-writes';

/** A socket stand-in that records each system write: one entry per `_write`/`_writev`, with its chunks. */
function recordingWire() {
  const writes: string[][] = [];
  const wire = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      done();
    },
  });
  return { wire, writes };
}

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('writes of one tick batched on the socket', () => {
  it('when a reply chunk and its mark are sent in the same tick, then they leave in one write once the tick is done', async () => {
    const { wire, writes } = recordingWire();
    const batch = batchWrites(wire);
    batch();
    wire.write('media');
    batch();
    wire.write('mark');
    expect(writes).toEqual([]);
    await nextTick();
    expect(writes).toEqual([['media', 'mark']]);
  });

  it('when writes come in different ticks, then each tick leaves on its own (nothing waits for a later event)', async () => {
    const { wire, writes } = recordingWire();
    const batch = batchWrites(wire);
    batch();
    wire.write('first');
    await nextTick();
    expect(writes).toEqual([['first']]);
    batch();
    wire.write('second');
    await nextTick();
    expect(writes).toEqual([['first'], ['second']]);
  });
});
