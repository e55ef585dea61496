import { z } from 'zod';
import { LANGUAGES, type AddOriginRequest, type LoginRequest, type RegisterRequest, type UpdateTenantRequest } from '@vocalia/contracts';
import { DEMO_DOCUMENTS } from './seed-documents';

export const DEMO_EMAIL = 'demo@vocalia.local';
/** A local demo account on the developer's own machine: long, mixed, free of the email's name (db-api's policy). */
export const DEMO_PASSWORD = 'Sourire-Clinique-2025!';

export type SeedResult = { ok: true; tenantId: string; notes: string[] } | { ok: false; reason: string };

class Skip extends Error {}

interface Call {
  status: number;
  body: unknown;
}

async function call(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<Call> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text for the message.
  }
  return { status: res.status, body: parsed };
}

function describe(method: string, path: string, c: Call): string {
  const detail = (c.body as { detail?: string } | undefined)?.detail;
  return `${method} ${path} answered ${c.status}${detail ? ` (${detail})` : ''}`;
}

/** The part of SessionResponse the seed needs. */
const Session = z.object({ accessToken: z.string(), tenant: z.object({ id: z.string() }) });
/** The part of KnowledgeDocumentPage the seed needs. */
const DocumentPage = z.object({ items: z.array(z.unknown()) });

function session(c: Call): { accessToken: string; tenantId: string } {
  const parsed = Session.safeParse(c.body);
  if (!parsed.success) throw new Error('auth answer lacks accessToken or tenant.id');
  return { accessToken: parsed.data.accessToken, tenantId: parsed.data.tenant.id };
}

async function signIn(api: string): Promise<{ accessToken: string; tenantId: string }> {
  const credentials: LoginRequest = { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  const reg = await call(api, 'POST', '/api/v1/auth/register', { ...credentials, company: 'Demo Dental Clinic' } satisfies RegisterRequest);
  if (reg.status === 201) return session(reg);
  if (reg.status === 404) throw new Skip('db-api has no POST /api/v1/auth/register yet');
  if (reg.status !== 409) throw new Error(describe('POST', '/api/v1/auth/register', reg));
  const login = await call(api, 'POST', '/api/v1/auth/login', credentials);
  if (login.status === 404) throw new Skip('db-api has no POST /api/v1/auth/login yet');
  if (login.status !== 200) throw new Error(describe('POST', '/api/v1/auth/login', login));
  return session(login);
}

/**
 * The demo tenant, through db-api's public API only, idempotent across runs: register (or log in
 * when it exists), allow the local edge as an origin, add a few knowledge documents when it has none.
 */
export async function seedDemoTenant(dbApiUrl: string, edgeOrigin: string): Promise<SeedResult> {
  try {
    const { accessToken, tenantId } = await signIn(dbApiUrl);
    const notes: string[] = [];
    const languages = await call(dbApiUrl, 'PATCH', '/api/v1/tenant', { languages: [...LANGUAGES] } satisfies UpdateTenantRequest, accessToken);
    if (languages.status !== 200) notes.push(`languages not set: ${describe('PATCH', '/api/v1/tenant', languages)}`);
    const origin = await call(dbApiUrl, 'POST', '/api/v1/origins', { origin: edgeOrigin } satisfies AddOriginRequest, accessToken);
    if (origin.status === 404) notes.push('origins not seeded: db-api has no POST /api/v1/origins yet');
    else if (origin.status !== 201 && origin.status !== 200 && origin.status !== 409) notes.push(`origin not added: ${describe('POST', '/api/v1/origins', origin)}`);
    const docs = await call(dbApiUrl, 'GET', '/api/v1/knowledge/documents', undefined, accessToken);
    if (docs.status === 404) notes.push('knowledge not seeded: db-api has no /api/v1/knowledge/documents yet');
    else if (docs.status !== 200) notes.push(`knowledge not seeded: ${describe('GET', '/api/v1/knowledge/documents', docs)}`);
    else if (!DocumentPage.safeParse(docs.body).success) notes.push('knowledge not seeded: GET /api/v1/knowledge/documents answered no items list');
    else if (DocumentPage.parse(docs.body).items.length === 0) {
      for (const doc of DEMO_DOCUMENTS) {
        const added = await call(dbApiUrl, 'POST', '/api/v1/knowledge/documents', doc, accessToken);
        if (added.status !== 201 && added.status !== 200) notes.push(`document "${doc.title}" not added: ${describe('POST', '/api/v1/knowledge/documents', added)}`);
      }
    }
    return { ok: true, tenantId, notes };
  } catch (err) {
    if (err instanceof Skip) return { ok: false, reason: `seeding skipped: ${err.message}` };
    return { ok: false, reason: `seeding failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
