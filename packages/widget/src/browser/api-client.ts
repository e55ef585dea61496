import type { SocialProofResponse, WidgetConfigResponse } from '@vocalia/contracts';
import { ApiError, errorFromResponse, networkError } from './api-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiTarget {
  apiBase: string;
  tenantId: string;
  /** The agent the page chose (`data-vocalia-agent`); /config answers with its languages and greetings. */
  agentId?: string;
  /** db-api's grant for the dashboard's live preview, sent to /config and /social-proof as X-Vocalia-Preview. */
  previewGrant?: string;
  fetch?: FetchLike;
}

/** Bound lazily: calling an unbound `window.fetch` throws "Illegal invocation". */
export const defaultFetch: FetchLike = (input, init) => fetch(input, init);

export async function getJson(url: string, fetchFn: FetchLike, headers: Record<string, string> = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, { method: 'GET', headers: { Accept: 'application/json', ...headers }, credentials: 'omit' });
  } catch (err) {
    throw networkError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  try {
    return await res.json();
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', `The server answered ${url} with invalid JSON`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A light shape check (the bundle carries no zod): enough that rendering cannot trip over a missing field. */
export function isWidgetConfig(value: unknown): value is WidgetConfigResponse {
  if (!isObject(value) || !isObject(value.session) || !isObject(value.branding) || !isObject(value.voice)) return false;
  return (
    typeof value.tenantId === 'string' &&
    typeof value.name === 'string' &&
    Array.isArray(value.features) &&
    Array.isArray(value.languages) &&
    value.languages.length > 0 &&
    typeof value.defaultLanguage === 'string' &&
    typeof value.session.token === 'string' &&
    typeof value.session.expiresAt === 'string'
  );
}

const previewHeaders = (target: ApiTarget): Record<string, string> => (target.previewGrant ? { 'X-Vocalia-Preview': target.previewGrant } : {});

export async function fetchWidgetConfig(target: ApiTarget): Promise<WidgetConfigResponse> {
  const agent = target.agentId ? `&agentId=${encodeURIComponent(target.agentId)}` : '';
  const url = `${target.apiBase}/config?tenantId=${encodeURIComponent(target.tenantId)}${agent}`;
  const body = await getJson(url, target.fetch ?? defaultFetch, previewHeaders(target));
  if (!isWidgetConfig(body)) throw new ApiError(200, 'BAD_CONFIG', `${url} did not answer a widget configuration`);
  return body;
}

export async function fetchSocialProof(target: ApiTarget): Promise<SocialProofResponse> {
  const url = `${target.apiBase}/social-proof?tenantId=${encodeURIComponent(target.tenantId)}`;
  const body = await getJson(url, target.fetch ?? defaultFetch, previewHeaders(target));
  const items = isObject(body) && Array.isArray(body.items) ? body.items : [];
  return { items: items.filter((item): item is SocialProofResponse['items'][number] => isObject(item) && typeof item.text === 'string') };
}
