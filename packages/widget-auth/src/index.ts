export { createSessionTokens, WIDGET_TOKEN_AUDIENCE, WIDGET_TOKEN_ISSUER, type SessionTokenOptions, type SessionTokens, type WidgetSession } from './session-token';
export { createVerifiedTokenCache, type VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-token-cache';
export { normaliseOrigin } from './origin';
export { isOriginAllowed } from './origin-policy';
export { createPreviewGrants, PREVIEW_GRANT_AUDIENCE, PREVIEW_GRANT_ISSUER, type PreviewGrantOptions, type PreviewGrants } from './preview-grant';
