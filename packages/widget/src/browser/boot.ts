import type { WidgetConfigResponse } from '@vocalia/contracts';
import { fetchWidgetConfig, type ApiTarget } from './api-client';
import { ApiError, networkError } from './api-error';
import type { BootOptions } from './boot-options';
import { configFailureMessage, MISSING_TENANT } from './config-failure';
import { warnIntegrator } from './integrator-warning';
import { withPreview } from './preview-options';
import { mountWidget, type WidgetHandle } from './widget';
import { emitWidgetEvent } from './widget-events';

const RETRY_DELAY_MS = 2_000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One retry for a network failure or a 5xx; a 4xx answer is final. */
async function loadConfig(target: ApiTarget): Promise<WidgetConfigResponse> {
  try {
    return await fetchWidgetConfig(target);
  } catch (err) {
    const error = networkError(err);
    if (!error.isNetwork) throw error;
    await delay(RETRY_DELAY_MS);
    return fetchWidgetConfig(target);
  }
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Loads /config and renders the widget. On any refusal nothing is rendered: one console warning for
 * the integrator and a `vocalia:error` event, and the promise resolves with undefined.
 */
export async function startWidget(boot: BootOptions): Promise<WidgetHandle | undefined> {
  if (!boot.tenantId) {
    warnIntegrator(...MISSING_TENANT);
    emitWidgetEvent('vocalia:error', { code: 'TENANT_MISSING', detail: MISSING_TENANT[0] });
    return undefined;
  }
  const target: ApiTarget = {
    apiBase: boot.apiBase,
    tenantId: boot.tenantId,
    ...(boot.agentId ? { agentId: boot.agentId } : {}),
    ...(boot.preview ? { previewGrant: boot.preview.grant } : {}),
  };
  let config: WidgetConfigResponse;
  try {
    config = await loadConfig(target);
  } catch (err) {
    const error = err instanceof ApiError ? err : networkError(err);
    warnIntegrator(...configFailureMessage(error, { tenantId: boot.tenantId, apiBase: boot.apiBase, origin: location.origin }));
    emitWidgetEvent('vocalia:error', { code: error.code, status: error.status, detail: error.detail });
    return undefined;
  }
  await domReady();
  return mountWidget(withPreview(config, boot.preview), boot, target);
}
