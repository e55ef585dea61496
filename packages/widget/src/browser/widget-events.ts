import type { LeadScore } from '@vocalia/contracts';
import type { WidgetLanguage } from './language';
import type { Role } from './widget-types';

/** The CustomEvents the widget dispatches on window, with their `detail`. */
export interface WidgetEventMap {
  'vocalia:ready': { tenantId: string; language: WidgetLanguage; sessionId: string; voice: 'realtime' | 'browser' | 'none' };
  'vocalia:message': { role: Role; text: string; language: WidgetLanguage; sessionId: string; intent?: string };
  'vocalia:lead': LeadScore & { sessionId: string };
  'vocalia:error': { code: string; status?: number; detail: string };
}

export function emitWidgetEvent<K extends keyof WidgetEventMap>(name: K, detail: WidgetEventMap[K]): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}
