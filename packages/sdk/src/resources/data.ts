import { z } from 'zod';
import {
  AgentListResponse,
  AgentResponse,
  CallDetail,
  CallListQuery,
  CallPage,
  CreateOutboundCallRequest,
  OutboundCallAccepted,
  CatalogImportResponse,
  CatalogItemInput,
  CatalogItemPage,
  CatalogItemResponse,
  CatalogListQuery,
  ConversationDetail,
  ConversationListQuery,
  ConversationPage,
  CreateAgentRequest,
  CreateKnowledgeDocumentRequest,
  GdprEraseRequest,
  GdprEraseResponse,
  GdprExportResponse,
  KnowledgeDocumentPage,
  KnowledgeDocumentResponse,
  KnowledgeSearchQuery,
  KnowledgeSearchResponse,
  PageQuery,
  PersonaListResponse,
  UpdateAgentRequest,
  UpdateCatalogItemRequest,
  UpdateWidgetRequest,
  UsageResponse,
  WidgetSettingsResponse,
  WidgetSnippetResponse,
  WidgetPreviewResponse,
  CheckSiteResponse,
} from '@vocalia/contracts';
import type { HttpRequest, IdempotentOptions, QueryValue } from '../http';

const seg = encodeURIComponent;
type Query<S extends z.ZodType> = { [K in keyof z.input<S>]?: QueryValue };

export function personasResource(request: HttpRequest) {
  return { list: () => request({ method: 'GET', path: '/api/v1/personas', response: PersonaListResponse, anonymous: true }) };
}

export function agentsResource(request: HttpRequest) {
  return {
    list: () => request({ method: 'GET', path: '/api/v1/agents', response: AgentListResponse }),
    get: (id: string) => request({ method: 'GET', path: `/api/v1/agents/${seg(id)}`, response: AgentResponse }),
    create: (input: z.input<typeof CreateAgentRequest>, opts: IdempotentOptions = {}) => request({ method: 'POST', path: '/api/v1/agents', body: input, response: AgentResponse, ...opts }),
    update: (id: string, input: z.input<typeof UpdateAgentRequest>) => request({ method: 'PATCH', path: `/api/v1/agents/${seg(id)}`, body: input, response: AgentResponse }),
    remove: (id: string) => request({ method: 'DELETE', path: `/api/v1/agents/${seg(id)}`, response: null }),
  };
}

export function knowledgeResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof PageQuery> = {}) => request({ method: 'GET', path: '/api/v1/knowledge/documents', query, response: KnowledgeDocumentPage }),
    get: (id: string) => request({ method: 'GET', path: `/api/v1/knowledge/documents/${seg(id)}`, response: KnowledgeDocumentResponse }),
    create: (input: z.input<typeof CreateKnowledgeDocumentRequest>, opts: IdempotentOptions = {}) => request({ method: 'POST', path: '/api/v1/knowledge/documents', body: input, response: KnowledgeDocumentResponse, ...opts }),
    remove: (id: string) => request({ method: 'DELETE', path: `/api/v1/knowledge/documents/${seg(id)}`, response: null }),
    search: (query: Query<typeof KnowledgeSearchQuery>) => request({ method: 'GET', path: '/api/v1/knowledge/search', query, response: KnowledgeSearchResponse }),
  };
}

export function catalogResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof CatalogListQuery> = {}) => request({ method: 'GET', path: '/api/v1/catalog/items', query, response: CatalogItemPage }),
    get: (id: string) => request({ method: 'GET', path: `/api/v1/catalog/items/${seg(id)}`, response: CatalogItemResponse }),
    create: (input: z.input<typeof CatalogItemInput>) => request({ method: 'POST', path: '/api/v1/catalog/items', body: input, response: CatalogItemResponse }),
    update: (id: string, input: z.input<typeof UpdateCatalogItemRequest>) => request({ method: 'PATCH', path: `/api/v1/catalog/items/${seg(id)}`, body: input, response: CatalogItemResponse }),
    remove: (id: string) => request({ method: 'DELETE', path: `/api/v1/catalog/items/${seg(id)}`, response: null }),
    import: (items: z.input<typeof CatalogItemInput>[]) => request({ method: 'POST', path: '/api/v1/catalog/import', body: items, response: CatalogImportResponse }),
    /** CSV text with the header `sku,name,description,price,currency,stock,url,image_url` (any order); all or nothing. */
    importCsv: (csv: string) => request({ method: 'POST', path: '/api/v1/catalog/import', text: { contentType: 'text/csv', content: csv }, response: CatalogImportResponse }),
  };
}

export function conversationsResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof ConversationListQuery> = {}) => request({ method: 'GET', path: '/api/v1/conversations', query, response: ConversationPage }),
    get: (id: string) => request({ method: 'GET', path: `/api/v1/conversations/${seg(id)}`, response: ConversationDetail }),
  };
}

export function callsResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof CallListQuery> = {}) => request({ method: 'GET', path: '/api/v1/calls', query, response: CallPage }),
    get: (id: string) => request({ method: 'GET', path: `/api/v1/calls/${seg(id)}`, response: CallDetail }),
    /** Queues an outbound call (feature outbound_calls); the call shows up in `list` as `queued`. Retry with the same `idempotencyKey`: never two calls. */
    place: (input: z.input<typeof CreateOutboundCallRequest>, opts: IdempotentOptions = {}) => request({ method: 'POST', path: '/api/v1/calls', body: input, response: OutboundCallAccepted, ...opts }),
    /** The recording's MP3 bytes (feature call_recording). */
    recording: (id: string) => request({ method: 'GET', path: `/api/v1/calls/${seg(id)}/recording`, response: z.instanceof(Uint8Array), bytes: true }),
  };
}

export function usageResource(request: HttpRequest) {
  return { get: () => request({ method: 'GET', path: '/api/v1/usage', response: UsageResponse }) };
}

export function widgetResource(request: HttpRequest) {
  return {
    get: () => request({ method: 'GET', path: '/api/v1/widget', response: WidgetSettingsResponse }),
    update: (input: z.input<typeof UpdateWidgetRequest>) => request({ method: 'PUT', path: '/api/v1/widget', body: input, response: WidgetSettingsResponse }),
    snippet: () => request({ method: 'GET', path: '/api/v1/widget/snippet', response: WidgetSnippetResponse }),
    /** A short-lived grant that lets the real widget run on the dashboard's own origin, for this tenant (the live preview). */
    preview: () => request({ method: 'POST', path: '/api/v1/widget/preview', response: WidgetPreviewResponse }),
    /** db-api fetches the page (public addresses only) and says whether the snippet is there and the origin allowed. */
    checkSite: (url: string) => request({ method: 'POST', path: '/api/v1/widget/check-site', body: { url }, response: CheckSiteResponse }),
  };
}

export function gdprResource(request: HttpRequest) {
  return {
    export: () => request({ method: 'POST', path: '/api/v1/gdpr/export', response: GdprExportResponse }),
    erase: (input: z.input<typeof GdprEraseRequest>) => request({ method: 'POST', path: '/api/v1/gdpr/erase', body: input, response: GdprEraseResponse }),
  };
}
