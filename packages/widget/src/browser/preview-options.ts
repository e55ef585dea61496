import type { WidgetConfigResponse } from '@vocalia/contracts';
import type { Position } from './widget-types';

/**
 * The dashboard's live preview: the page's fragment (never sent to a server) carries db-api's grant
 * and the appearance being edited, not yet saved.
 */
export interface PreviewOptions {
  grant: string;
  primaryColor?: string;
  textColor?: string;
  position?: Position;
  language?: string;
  greeting?: string;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_GREETING = 500;

const color = (value: string | null) => (value && COLOR.test(value) ? value : undefined);

/** undefined when the fragment has no grant: the widget then runs as on any page (and the origin must be allowed). */
export function readPreviewOptions(hash: string): PreviewOptions | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const grant = params.get('grant');
  if (!grant) return undefined;
  const position = params.get('position');
  const greeting = params.get('greeting')?.trim().slice(0, MAX_GREETING);
  const language = params.get('language');
  return {
    grant,
    primaryColor: color(params.get('primaryColor')),
    textColor: color(params.get('textColor')),
    position: position === 'bottom-left' || position === 'bottom-right' ? position : undefined,
    language: language && /^[a-z]{2,3}$/.test(language) ? language : undefined,
    greeting: greeting || undefined,
  };
}

/** The loaded /config with the edited appearance on top, as it will look once saved. */
export function withPreview(config: WidgetConfigResponse, preview: PreviewOptions | undefined): WidgetConfigResponse {
  if (!preview) return config;
  const greetingLanguage = preview.language ?? config.defaultLanguage;
  return {
    ...config,
    branding: {
      ...config.branding,
      ...(preview.primaryColor ? { primaryColor: preview.primaryColor } : {}),
      ...(preview.textColor ? { textColor: preview.textColor } : {}),
      ...(preview.position ? { position: preview.position } : {}),
    },
    greeting: preview.greeting ? { ...config.greeting, [greetingLanguage]: preview.greeting } : config.greeting,
  };
}
