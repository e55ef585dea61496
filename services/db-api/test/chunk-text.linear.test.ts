import { performance } from 'node:perf_hooks';
import { chunkText } from '../src/knowledge/chunk-text';

const SIZE = Number(process.env.CHUNK_TEST_BYTES ?? 1024 * 1024);

function fill(block: string, size: number): string {
  return block.repeat(Math.ceil(size / block.length)).slice(0, size);
}

/** Inputs that made the old regexes backtrack: long space runs after `#`, before a newline, before a non-space. */
const ADVERSARIAL: Record<string, string> = {
  'heading then spaces': fill(`# a${' '.repeat(8000)}b\n`, SIZE),
  'heading then tabs and hashes': fill(`###### x${' \t#'.repeat(3000)}y\n`, SIZE),
  'hashes and spaces': fill(`#${' #'.repeat(5000)} z\n`, SIZE),
  'spaces before a non-breaking space': fill(`a${' '.repeat(8000)}\u00a0\n`, SIZE),
  'one run of spaces and tabs': `x${fill(' \t', SIZE - 2)}y`,
  'blank-looking lines': fill(`\n${'\u00a0'.repeat(4000)}\n`, SIZE),
};

const PROSE = fill(
  '# Nos soins\n\nLe cabinet propose des consultations dentaires, le détartrage et le blanchiment des dents. Les implants remplacent une dent perdue de façon durable. Nous acceptons la plupart des mutuelles.\n\nNous sommes ouverts du lundi au vendredi, de 9h à 18h, et le samedi matin sur rendez-vous.\n\n',
  SIZE,
);

/** The fastest of a few runs, in milliseconds: the least disturbed by the rest of a busy machine. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('knowledge chunking time', () => {
  it('when 1 MB of adversarial markdown and text is chunked, then each takes at most 10x the time of 1 MB of ordinary prose', () => {
    const prose = Math.max(fastest(() => chunkText('markdown', PROSE)), fastest(() => chunkText('text', PROSE)));
    const ratios: Record<string, number> = {};
    for (const [name, content] of Object.entries(ADVERSARIAL)) {
      for (const kind of ['markdown', 'text'] as const) {
        ratios[`${kind}: ${name}`] = Math.round((fastest(() => chunkText(kind, content)) / prose) * 100) / 100;
      }
    }
    if (process.env.CHUNK_TEST_PRINT) process.stdout.write(`${JSON.stringify({ proseMs: prose, ratios })}\n`);
    const slow = Object.entries(ratios).filter(([, ratio]) => ratio >= 10);
    expect({ slow, proseMs: prose > 0 }).toEqual({ slow: [], proseMs: true });
  });
});
