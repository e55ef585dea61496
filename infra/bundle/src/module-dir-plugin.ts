import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { REPO_ROOT } from './repo';

/** Declared by the bundle's banner: the directory main.js runs from. */
export const BUNDLE_DIR = '__vocaliaBundleDir';

/**
 * Workspace code finds its files from `__dirname` (migrations, the widget build, the schema-engine
 * worker). Inside one bundle every module would share main.js's directory, so each such module gets
 * its own: the bundle directory plus its repository path, where the runtime files are copied.
 */
export const moduleDirPlugin: Plugin = {
  name: 'vocalia-module-dir',
  setup(build) {
    build.onLoad({ filter: /\.(ts|js|cjs)$/ }, async (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return undefined;
      const rel = relative(REPO_ROOT, dirname(args.path)).split('\\').join('/');
      const header = `const __vocaliaModuleDir = require('node:path').join(${BUNDLE_DIR}, ${JSON.stringify(rel)});\n`;
      return { contents: header + source.replace(/\b__dirname\b/g, '__vocaliaModuleDir'), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};
