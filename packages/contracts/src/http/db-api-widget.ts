import { z } from 'zod';
import { Language } from '../languages';
import { WidgetBranding, WidgetPosition } from './voice-api';

export const WIDGET_DEFAULT_BRANDING = {
  primaryColor: '#2563eb',
  textColor: '#ffffff',
  fontFamily: 'system-ui',
  position: 'bottom-right',
  showPoweredBy: true,
} as const satisfies WidgetBranding;

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
/** Font names only: no `;`, braces or `url(` can reach the widget's CSS. */
const FontFamily = z.string().trim().min(1).max(200).regex(/^[\p{L}\p{N} ,'"_-]+$/u, 'font family names separated by commas');

/** `PUT /api/v1/widget`: the fields sent replace the stored ones; the others keep their value. */
export const UpdateWidgetRequest = z.strictObject({
  primaryColor: Color.optional(),
  textColor: Color.optional(),
  fontFamily: FontFamily.optional(),
  position: WidgetPosition.optional(),
  logoUrl: z.url({ protocol: /^https$/ }).max(2048).nullable().optional(),
  showPoweredBy: z.boolean().optional(),
  languages: z.array(Language).min(1).max(5).refine((l) => new Set(l).size === l.length, 'languages must not repeat').optional(),
  greeting: z.partialRecord(Language, z.string().trim().min(1).max(300)).optional(),
  ecommerce: z.boolean().optional(),
});
export type UpdateWidgetRequest = z.infer<typeof UpdateWidgetRequest>;

export const WidgetSettingsResponse = z.object({
  branding: WidgetBranding,
  languages: z.array(Language).min(1),
  greeting: z.partialRecord(Language, z.string()),
  ecommerce: z.boolean(),
});
export type WidgetSettingsResponse = z.infer<typeof WidgetSettingsResponse>;

const Snippet = z.object({ code: z.string(), instructions: z.string() });

/** `GET /api/v1/widget/snippet`: the embed code, pointing at the widget voice-api serves. */
export const WidgetSnippetResponse = z.object({
  tenantId: z.string(),
  scriptUrl: z.url(),
  versionedScriptUrl: z.url(),
  sri: z.string(),
  snippets: z.object({ html: Snippet, htmlPinned: Snippet, wordpress: Snippet, shopify: Snippet, wix: Snippet, react: Snippet }),
});
export type WidgetSnippetResponse = z.infer<typeof WidgetSnippetResponse>;

/**
 * `POST /api/v1/widget/preview`: a short-lived grant for the dashboard's live preview. The widget
 * sends it to voice-api's `/config` as `X-Vocalia-Preview`; it works for this tenant, on `origin`
 * (the platform's own, where the dashboard is) only.
 */
export const WidgetPreviewResponse = z.object({
  grant: z.string(),
  origin: z.url(),
  /** voice-api's page with the real widget in preview mode: frame it with `#grant=...` and the edited appearance. */
  pageUrl: z.url(),
  expiresAt: z.iso.datetime(),
});
export type WidgetPreviewResponse = z.infer<typeof WidgetPreviewResponse>;
