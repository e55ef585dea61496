import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { widgetBundle } from '../src';
import { BUILD_DIR, PACKAGE_ROOT } from '../src/node/build-widget';

const escaped = (text: string) => Array.from(text, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('');

function bundledInputs(entry: string): string[] {
  const result = buildSync({ entryPoints: [join(PACKAGE_ROOT, entry)], bundle: true, platform: 'neutral', mainFields: ['main'], packages: 'external', write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(result.metafile?.inputs ?? {});
}

describe('widget bundle', () => {
  const bundle = widgetBundle();

  it('when served, then hash and SRI are the SHA-384 of the exact bytes', () => {
    const digest = createHash('sha384').update(bundle.code).digest();
    expect(bundle.hash).toBe(digest.toString('hex').slice(0, 12));
    expect(bundle.sri).toBe(`sha384-${digest.toString('base64')}`);
    expect(bundle.immutablePath).toBe(`/widget/v1.${bundle.hash}/vocalia.js`);
    expect(bundle.latestPath).toBe('/widget/v1/vocalia.js');
  });

  it('when built, then build/manifest.json describes build/vocalia.js', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({ file: 'vocalia.js', version: '0.1.0', hash: bundle.hash, sri: bundle.sri, bytes: bundle.bytes, gzipBytes: bundle.gzipBytes });
  });

  it('when gzipped, then it stays under the 40 KB budget', () => {
    expect(bundle.gzip.length).toBe(bundle.gzipBytes);
    expect(bundle.gzipBytes).toBeLessThan(40 * 1024);
  });

  it('when loaded, then it needs nothing else: one IIFE, no dynamic import, all five languages inside, ASCII only', () => {
    expect(bundle.code.slice(0, 19)).toBe('"use strict";(()=>{');
    expect(/\bimport\(|sourceMappingURL|require\(/.test(bundle.code)).toBe(false);
    expect(/^[\x00-\x7f]*$/.test(bundle.code)).toBe(true);
    const missing = ['Envoyer', 'Send', 'Enviar', escaped('إرسال'), escaped('صيفطو')].filter((word) => !bundle.code.includes(word));
    expect(missing).toEqual([]);
  });

  it('when build/ is missing, then the bundle is built on the fly and written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vocalia-widget-'));
    const fresh = widgetBundle({ buildDir: dir });
    expect(fresh.hash).toBe(bundle.hash);
    expect(existsSync(join(dir, 'vocalia.js'))).toBe(true);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  it('when the Node entry is bundled, then no browser module is part of it', () => {
    const inputs = bundledInputs('src/index.ts');
    expect(inputs.some((file) => file.includes('src/node/'))).toBe(true);
    expect(inputs.filter((file) => file.includes('src/browser/'))).toEqual([]);
  });

  it('when the React/Next entry is bundled, then it injects the served script instead of bundling the widget', () => {
    expect(bundledInputs('src/embed.ts').sort()).toEqual(['src/embed.ts', 'src/widget-paths.ts']);
  });
});
