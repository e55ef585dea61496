/**
 * npm entry for React/Next apps: `initVocalia({ tenantId, apiBase })` in a client effect injects the
 * served script once and resolves with `window.VocalIA` when the widget is ready. It does not
 * bundle the widget itself, so the app always runs the version voice-api serves.
 */
import type { VocaliaApi } from './browser/public-api';
import type { VocaliaGlobalConfig } from './browser/boot-options';
import type { WidgetEventMap } from './browser/widget-events';
import { LATEST_PATH } from './widget-paths';

export type { VocaliaApi, VocaliaGlobalConfig, WidgetEventMap };

export interface InitVocaliaOptions extends VocaliaGlobalConfig {
  tenantId: string;
  /** Where voice-api is reachable, e.g. https://api.vocalia.ai; the script is loaded from `${apiBase}/widget/v1/vocalia.js`. */
  apiBase: string;
  /** Another script URL (an immutable `/widget/v1.<hash>/vocalia.js`), with its `integrity` if you pin it. */
  scriptUrl?: string;
  integrity?: string;
}

type VocaliaWindow = Window & { VocalIA?: VocaliaApi; VocaliaConfig?: VocaliaGlobalConfig };

const SCRIPT_ID = 'vocalia-widget-script';

/** Resolves null during server rendering; rejects when the widget refuses to start (the console says why). */
export function initVocalia(opts: InitVocaliaOptions): Promise<VocaliaApi | null> {
  if (typeof window === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  const win = window as VocaliaWindow;
  if (win.VocalIA?.ready) return Promise.resolve(win.VocalIA);
  return new Promise((resolve, reject) => {
    const ready = () => {
      cleanup();
      resolve(win.VocalIA ?? null);
    };
    const failed = (event: Event) => {
      cleanup();
      reject(new Error(`VocalIA widget did not start: ${(event as CustomEvent<WidgetEventMap['vocalia:error']>).detail.detail}`));
    };
    const cleanup = () => {
      window.removeEventListener('vocalia:ready', ready);
      window.removeEventListener('vocalia:error', failed);
    };
    window.addEventListener('vocalia:ready', ready);
    window.addEventListener('vocalia:error', failed);
    if (document.getElementById(SCRIPT_ID)) return;
    const { scriptUrl, integrity, apiBase, ...config } = opts;
    const base = apiBase.replace(/\/+$/, '');
    win.VocaliaConfig = { ...config, apiBase: base };
    const script = document.createElement('script');
    script.id = SCRIPT_ID;
    script.src = scriptUrl ?? `${base}${LATEST_PATH}`;
    script.async = true;
    script.dataset.vocaliaTenant = opts.tenantId;
    if (integrity) {
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
    }
    script.addEventListener('error', () => {
      cleanup();
      reject(new Error(`VocalIA widget script failed to load from ${script.src}`));
    });
    document.head.append(script);
  });
}
