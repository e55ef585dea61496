import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../src');
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.\.?\/[^']+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The folder under src/ a file belongs to; root files (app, routes, route-docs...) are the composition layer. */
const folderOf = (file: string): string | undefined => {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0] : undefined;
};

/** Folder -> folders its files import (root files left out: they compose the folders). */
function folderGraph(files: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const to = folderOf(resolve(dirname(file), spec!));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as `a -> b -> a`. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]): void => {
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), node, next].join(' -> '));
      else if (!state.has(next)) walk(next, [...path, node]);
    }
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) walk(node, []);
  return cycles;
}

describe('db-api folders depend on each other in one direction', () => {
  it('when the imports between src/ folders are followed, then no folder reaches itself again', () => {
    expect(cyclesOf(folderGraph(sourceFiles(SRC)))).toEqual([]);
  });

  it('when two folders import each other, then the check names the cycle', () => {
    const graph = new Map([
      ['auth', new Set(['audit'])],
      ['audit', new Set(['auth'])],
      ['plans', new Set(['auth'])],
    ]);
    expect(cyclesOf(graph)).toEqual(['audit -> auth -> audit']);
  });
});
