/**
 * Node-side API of @vocalia/widget (no DOM code here): the built bundle for voice-api to serve and
 * the embed snippet for db-api and the dashboard. The browser code lives in src/browser (served
 * bundle) and src/embed.ts (npm entry for React/Next apps).
 */
export { widgetBundle, writeWidgetBuild, type WidgetBundle, type BundleOptions } from './node/widget-bundle';
export { manifestFor, type BundleManifest } from './node/bundle-manifest';
export { snippetHtml, type SnippetOptions } from './node/snippet-html';
export { buildWidgetCode } from './node/build-widget';
export { LATEST_PATH, immutablePath, isImmutableBundleUrl, apiBaseFromScriptUrl } from './widget-paths';
