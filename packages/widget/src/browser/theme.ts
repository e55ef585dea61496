import type { WidgetBranding } from '@vocalia/contracts';
import { accentOnWhite, parseColor, readableTextOn, toHex } from './contrast';
import type { Theme } from './panel-view';
import { DEFAULT_FONT } from './styles';

const FALLBACK_PRIMARY = [79, 70, 229] as const;

/** Font names only: no `;`, braces or url() can ride along into the style property. */
export function sanitizeFontFamily(value: string | undefined): string {
  return (value ?? '').replace(/[^\p{L}\p{N} ,'"_-]/gu, '').trim().slice(0, 200);
}

/**
 * Colors from the host page's `--vocalia-primary` (when it set one) or the tenant's branding; the
 * text on it is the tenant's textColor only when that reaches AA, else black or white.
 */
export function resolveTheme(branding: Pick<WidgetBranding, 'primaryColor' | 'textColor' | 'fontFamily'>, hostPrimary?: string): Theme {
  const primary = parseColor(hostPrimary) ?? parseColor(branding.primaryColor) ?? FALLBACK_PRIMARY;
  const font = sanitizeFontFamily(branding.fontFamily);
  return {
    primary: toHex(primary),
    onPrimary: toHex(readableTextOn(primary, parseColor(branding.textColor))),
    accent: toHex(accentOnWhite(primary)),
    font: font ? `${font},${DEFAULT_FONT}` : DEFAULT_FONT,
  };
}
