import { apiBaseFromScriptUrl } from '../widget-paths';
import { readPreviewOptions, type PreviewOptions } from './preview-options';
import type { Position } from './widget-types';

/** What the integrator can set before the script runs (`window.VocaliaConfig`). */
export interface VocaliaGlobalConfig {
  tenantId?: string;
  apiBase?: string;
  language?: string;
  position?: Position;
  agentId?: string;
  context?: Record<string, unknown>;
}

export interface BootOptions {
  tenantId?: string;
  apiBase: string;
  language?: string;
  position?: Position;
  agentId?: string;
  context?: Record<string, unknown>;
  /** Only on the dashboard's preview page (`data-vocalia-preview`): the grant and the edited appearance. */
  preview?: PreviewOptions;
}

export interface BootSources {
  /** `dataset` of the script tag: vocaliaTenant, vocaliaApi, vocaliaLanguage, vocaliaPosition, vocaliaAgent. */
  scriptData?: Record<string, string | undefined>;
  scriptSrc?: string;
  globalConfig?: unknown;
  metaTenant?: string | null;
  pageOrigin: string;
  /** `location.hash`: read only when the script tag has `data-vocalia-preview`. */
  pageHash?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const position = (value: unknown): Position | undefined => (value === 'bottom-left' || value === 'bottom-right' ? value : undefined);

/** Script attributes win over `window.VocaliaConfig`, which wins over `<meta name="vocalia-tenant">`. */
export function readBootOptions(sources: BootSources): BootOptions {
  const data = sources.scriptData ?? {};
  const global = (typeof sources.globalConfig === 'object' && sources.globalConfig !== null ? sources.globalConfig : {}) as VocaliaGlobalConfig;
  const fromScript = sources.scriptSrc ? apiBaseFromScriptUrl(sources.scriptSrc) : undefined;
  const apiBase = text(data.vocaliaApi) ?? text(global.apiBase) ?? fromScript ?? sources.pageOrigin;
  const context = typeof global.context === 'object' && global.context !== null ? { context: global.context } : {};
  const preview = data.vocaliaPreview !== undefined ? readPreviewOptions(sources.pageHash ?? '') : undefined;
  return {
    tenantId: text(data.vocaliaTenant) ?? text(global.tenantId) ?? text(sources.metaTenant),
    apiBase: apiBase.replace(/\/+$/, ''),
    language: preview?.language ?? text(data.vocaliaLanguage) ?? text(global.language),
    position: position(data.vocaliaPosition) ?? position(global.position),
    agentId: text(data.vocaliaAgent) ?? text(global.agentId),
    ...context,
    ...(preview ? { preview } : {}),
  };
}
