import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const source = filesUnder(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const everything = [...source, ...filesUnder(join(ROOT, 'scripts')), ...filesUnder(join(ROOT, 'test'))].map((entry) =>
  typeof entry === 'string' ? { path: relative(ROOT, entry), text: readFileSync(entry, 'utf8') } : entry,
);

describe('source safety (lint-like checks)', () => {
  it('when widget code builds DOM, then it never parses HTML strings (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)', () => {
    const offenders = source.filter(({ text }) => /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(|srcdoc/.test(text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('when the widget writes to the console, then it is only from the integrator-warning module', () => {
    const offenders = source.filter(({ text }) => /\bconsole\./.test(text)).map((f) => f.path);
    expect(offenders).toEqual(['src/browser/integrator-warning.ts']);
  });

  it('when a file is written, then it carries no open-work markers and stays under 200 lines', () => {
    const marker = ['TO', 'DO|FIX', 'ME|XX', 'X'].join('');
    expect(everything.filter(({ text }) => new RegExp(`\\b(${marker})\\b`).test(text)).map((f) => f.path)).toEqual([]);
    expect(everything.filter(({ text }) => text.split('\n').length > 200).map((f) => f.path)).toEqual([]);
  });

  it('when browser code imports from contracts, then it imports types only (zod stays out of the bundle)', () => {
    const valueImports = source.filter(({ path, text }) => path.startsWith('src/browser/') && /^import (?!type )[^;]*from '@vocalia\/contracts'/m.test(text)).map((f) => f.path);
    expect(valueImports).toEqual([]);
  });
});
