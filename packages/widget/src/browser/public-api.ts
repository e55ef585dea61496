import type { WidgetHandle } from './widget';

type Method = keyof WidgetHandle;

/** `window.VocalIA`: usable as soon as the script runs; calls made before the widget is ready are replayed then. */
export interface VocaliaApi extends WidgetHandle {
  readonly version: string;
  readonly ready: boolean;
}

export interface PublicApi {
  api: VocaliaApi;
  attach(handle: WidgetHandle): void;
}

export function createPublicApi(version: string): PublicApi {
  let target: WidgetHandle | undefined;
  const queue: Array<[Method, unknown]> = [];
  const call = (method: Method) => (arg?: unknown) => {
    if (target) (target[method] as (value?: unknown) => void)(arg);
    else if (queue.length < 50) queue.push([method, arg]);
  };
  const api: VocaliaApi = {
    version,
    get ready() {
      return target !== undefined;
    },
    open: call('open'),
    close: call('close'),
    toggle: call('toggle'),
    send: call('send'),
    setLanguage: call('setLanguage'),
    setContext: call('setContext'),
  };
  return {
    api,
    attach(handle) {
      target = handle;
      for (const [method, arg] of queue.splice(0)) (handle[method] as (value?: unknown) => void)(arg);
    },
  };
}

const ACTIONS = ['open', 'close', 'toggle', 'send'] as const;

/** `data-vocalia-action="open|close|toggle|send"` (+ `data-vocalia-message`) on any page element, by event delegation. */
export function installActionDelegation(doc: Document, api: VocaliaApi): void {
  doc.addEventListener('click', (event) => {
    const source = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-vocalia-action]') : null;
    const action = source?.dataset.vocaliaAction as (typeof ACTIONS)[number] | undefined;
    if (!source || !action || !ACTIONS.includes(action)) return;
    event.preventDefault();
    if (action === 'send') api.send(source.dataset.vocaliaMessage ?? '');
    else api[action]();
  });
}
