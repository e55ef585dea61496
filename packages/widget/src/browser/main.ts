import { readBootOptions } from './boot-options';
import { startWidget } from './boot';
import { createPublicApi, installActionDelegation, type VocaliaApi } from './public-api';

declare const __VOCALIA_VERSION__: string;

declare global {
  interface Window {
    VocalIA?: VocaliaApi;
    VocaliaConfig?: unknown;
  }
}

/** The served script: one IIFE, runs once per page even if the snippet is pasted twice. */
function main(): void {
  if (window.VocalIA?.version) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-vocalia-tenant]') ??
    document.querySelector<HTMLScriptElement>('script[src*="/widget/v1"]');
  const boot = readBootOptions({
    scriptData: script ? { ...script.dataset } : undefined,
    scriptSrc: script?.src,
    globalConfig: window.VocaliaConfig,
    metaTenant: document.querySelector<HTMLMetaElement>('meta[name="vocalia-tenant"]')?.content,
    pageOrigin: location.origin,
    pageHash: location.hash,
  });
  const { api, attach } = createPublicApi(__VOCALIA_VERSION__);
  window.VocalIA = api;
  void startWidget(boot).then((handle) => {
    if (!handle) return;
    attach(handle);
    installActionDelegation(document, api);
  });
}

main();
