import { relative } from 'node:path';
import { BUILD_DIR, buildWidgetCode } from '../src/node/build-widget';
import { writeWidgetBuild } from '../src/node/widget-bundle';

/** `pnpm --filter @vocalia/widget build` (also run on install): build/vocalia.js + build/manifest.json. */
const started = Date.now();
const manifest = writeWidgetBuild(buildWidgetCode());
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(
  `@vocalia/widget: ${relative(process.cwd(), BUILD_DIR) || '.'}/${manifest.file} ${kb(manifest.bytes)} raw, ${kb(manifest.gzipBytes)} gzip` +
    ` (hash ${manifest.hash}, ${Date.now() - started} ms)\n`,
);
