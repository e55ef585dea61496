import type { WidgetConfigResponse } from '@vocalia/contracts';
import { readPreviewOptions, withPreview } from '../src/browser/preview-options';
import { ApiError } from '../src/browser/api-error';
import { readBootOptions } from '../src/browser/boot-options';
import { configFailureMessage } from '../src/browser/config-failure';
import { apiBaseFromScriptUrl, isImmutableBundleUrl } from '../src/widget-paths';

describe('tenant and API detection', () => {
  it('when only the script tag is set, then the tenant comes from data-vocalia-tenant and the API from the script origin', () => {
    const boot = readBootOptions({ scriptData: { vocaliaTenant: 'acme' }, scriptSrc: 'https://api.vocalia.ai/widget/v1/vocalia.js', pageOrigin: 'https://shop.example' });
    expect(boot).toMatchObject({ tenantId: 'acme', apiBase: 'https://api.vocalia.ai' });
  });

  it('when the script sits under an edge prefix, then the prefix is kept in the API base', () => {
    expect(apiBaseFromScriptUrl('https://edge.example/vocalia/widget/v1.0123456789ab/vocalia.js?x=1')).toBe('https://edge.example/vocalia');
    expect(apiBaseFromScriptUrl('https://cdn.example/other.js')).toBe('https://cdn.example');
    expect(apiBaseFromScriptUrl('::')).toBeUndefined();
  });

  it('when window.VocaliaConfig and the meta tag are set, then script attributes win, then VocaliaConfig, then meta', () => {
    const global = { tenantId: 'from-global', apiBase: 'https://eu.vocalia.ai/', language: 'es', position: 'bottom-left' };
    expect(readBootOptions({ globalConfig: global, metaTenant: 'from-meta', pageOrigin: 'https://s.example' })).toMatchObject({
      tenantId: 'from-global',
      apiBase: 'https://eu.vocalia.ai',
      language: 'es',
      position: 'bottom-left',
    });
    expect(readBootOptions({ metaTenant: 'from-meta', pageOrigin: 'https://s.example' })).toMatchObject({ tenantId: 'from-meta', apiBase: 'https://s.example' });
    expect(readBootOptions({ scriptData: { vocaliaTenant: 'attr', vocaliaApi: 'https://x.example' }, globalConfig: global, pageOrigin: 'https://s.example' })).toMatchObject({
      tenantId: 'attr',
      apiBase: 'https://x.example',
    });
  });

  it('when values are blank or invalid, then they are ignored', () => {
    const boot = readBootOptions({ scriptData: { vocaliaTenant: '  ', vocaliaPosition: 'top' }, globalConfig: 'nope', pageOrigin: 'https://s.example' });
    expect(boot.tenantId).toBeUndefined();
    expect(boot.position).toBeUndefined();
  });

  it('when a URL is the content-addressed bundle, then it is immutable (and the latest URL is not)', () => {
    expect(isImmutableBundleUrl('https://api.vocalia.ai/widget/v1.0123456789ab/vocalia.js')).toBe(true);
    expect(isImmutableBundleUrl('https://api.vocalia.ai/widget/v1/vocalia.js')).toBe(false);
  });
});

describe('integrator warnings', () => {
  const ctx = { tenantId: 'acme', apiBase: 'https://api.vocalia.ai', origin: 'https://shop.example' };

  it('when the origin is refused, then the warning names the origin to add and quotes the server', () => {
    const [problem, fix] = configFailureMessage(new ApiError(403, 'ORIGIN_NOT_ALLOWED', 'Origin https://shop.example is not allowed'), ctx);
    expect(problem).toContain('https://shop.example');
    expect(problem).toContain('Server said: "Origin https://shop.example is not allowed"');
    expect(fix).toContain('Add https://shop.example');
  });

  it('when the tenant is unknown, then the warning points at data-vocalia-tenant', () => {
    const [problem, fix] = configFailureMessage(new ApiError(404, 'NOT_FOUND', 'Tenant "acme" not found'), ctx);
    expect(problem).toContain('tenant "acme" is unknown');
    expect(fix).toContain('data-vocalia-tenant');
  });

  it('when the network fails (or CORS hides the answer), then the warning says both causes', () => {
    const [, fix] = configFailureMessage(new ApiError(0, 'NETWORK', 'Failed to fetch'), ctx);
    expect(fix).toContain('CORS');
    expect(fix).toContain('data-vocalia-api');
  });
});

describe("the dashboard's live preview", () => {
  const hash = '#grant=g.r.ant&primaryColor=%230f766e&textColor=%23ffffff&position=bottom-left&language=fr&greeting=Bonjour%20!';
  const config = {
    tenantId: 'acme', name: 'Acme', plan: 'starter', features: [], languages: ['fr', 'en'], defaultLanguage: 'en', greeting: { en: 'Hi' }, currency: 'EUR',
    branding: { primaryColor: '#2563eb', textColor: '#000000', fontFamily: 'system-ui', position: 'bottom-right', showPoweredBy: true },
    ecommerce: false, voice: { browser: true, realtime: false }, session: { token: 't', expiresAt: '2026-01-01T00:00:00.000Z' },
  } as unknown as WidgetConfigResponse;

  it('when the script tag has data-vocalia-preview, then the grant and the edited appearance come from the fragment and go on top of /config', () => {
    const boot = readBootOptions({ scriptData: { vocaliaTenant: 'acme', vocaliaPreview: '' }, pageOrigin: 'https://edge.example', pageHash: hash });
    expect(boot.preview).toEqual({ grant: 'g.r.ant', primaryColor: '#0f766e', textColor: '#ffffff', position: 'bottom-left', language: 'fr', greeting: 'Bonjour !' });
    expect(boot.language).toBe('fr');
    const shown = withPreview(config, boot.preview);
    expect(shown.branding).toMatchObject({ primaryColor: '#0f766e', textColor: '#ffffff', position: 'bottom-left' });
    expect(shown.greeting).toEqual({ en: 'Hi', fr: 'Bonjour !' });
  });

  it('when the script tag lacks data-vocalia-preview, or a value is malformed, then the fragment is ignored or that value dropped', () => {
    expect(readBootOptions({ scriptData: { vocaliaTenant: 'acme' }, pageOrigin: 'https://shop.example', pageHash: hash }).preview).toBeUndefined();
    expect(readPreviewOptions('#primaryColor=%23000000')).toBeUndefined();
    expect(readPreviewOptions('#grant=x&primaryColor=red&position=top&language=<b>')).toEqual({ grant: 'x' });
    expect(withPreview(config, undefined)).toBe(config);
  });
});
