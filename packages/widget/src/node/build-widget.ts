import { buildSync, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const BUILD_DIR = join(PACKAGE_ROOT, 'build');
export const BROWSER_ENTRY = join(PACKAGE_ROOT, 'src', 'browser', 'main.ts');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The esbuild settings of the served bundle: one minified IIFE, ES2019 (Safari 15+, Chrome 80+, Firefox 78+), ASCII-only output. */
export function widgetBuildOptions(version: string): BuildOptions {
  return {
    entryPoints: [BROWSER_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2019', 'chrome80', 'firefox78', 'safari15'],
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
    define: { __VOCALIA_VERSION__: JSON.stringify(version) },
    write: false,
    logLevel: 'silent',
  };
}

/** Builds the browser bundle in memory (synchronously, so a server can call it at startup). */
export function buildWidgetCode(version = packageVersion()): string {
  const result = buildSync(widgetBuildOptions(version));
  const output = result.outputFiles?.[0];
  if (!output) throw new Error('esbuild produced no output for the widget bundle');
  return output.text;
}
