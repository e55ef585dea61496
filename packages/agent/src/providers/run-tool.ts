import { z } from 'zod';
import type { BookingRequest, RespondAction } from '@vocalia/contracts';
import { handoffAction } from '../local/compose-reply';
import { detectIntent } from '../intent/detect-intent';
import { searchCatalog } from '../retrieval/search';
import type { TurnAnalysis } from '../turn/analyze-turn';
import { enabledTools } from './tool-specs';

export interface ToolOutcome {
  /** What the model is told. */
  result: Record<string, unknown>;
  action?: RespondAction;
}

const text = z.string().trim().min(1).max(200).optional().catch(undefined);
const BookingArgs = z.object({ date: text, time: text, name: text, email: text, phone: text, service: text, note: text });
const TransferArgs = z.object({ reason: z.string().max(200).catch('model_request') });
const CatalogArgs = z.object({ query: z.string().max(200).catch('') });

function bookAppointment(a: TurnAnalysis, args: unknown): ToolOutcome {
  const given = BookingArgs.catch({}).parse(args ?? {});
  const captured = a.booking?.booking ?? {};
  const merged: BookingRequest = Object.fromEntries(
    Object.entries({ ...captured, ...a.contact, ...given }).filter(([, v]) => typeof v === 'string' && v.length > 0),
  );
  const missing = [!merged.date && 'date', !merged.time && 'time', !merged.name && 'name', !merged.email && !merged.phone && 'phone or email'].filter(Boolean);
  if (missing.length > 0) return { result: { status: 'incomplete', missing } };
  return { result: { status: 'requested', booking: merged, note: 'The team will confirm the slot.' }, action: { type: 'booking', booking: merged } };
}

function searchCatalogTool(a: TurnAnalysis, args: unknown): ToolOutcome {
  const { query } = CatalogArgs.catch({ query: '' }).parse(args ?? {});
  const analysis = detectIntent(query, a.index.catalogLanguage);
  const items = searchCatalog(a.index, { ...analysis, intent: 'product_search' });
  const products = items.map((i) => ({ id: i.id, name: i.name, price: i.price, currency: i.currency, url: i.url, imageUrl: i.imageUrl, inStock: i.stock > 0 }));
  return { result: { products: products.map(({ imageUrl: _image, ...p }) => p) }, action: products.length > 0 ? { type: 'products', products } : undefined };
}

/** Runs one tool call locally against this tenant's data only; a tool the tenant does not have is refused. */
export function runTool(a: TurnAnalysis, name: string, args: unknown): ToolOutcome {
  if (!enabledTools(a).some((t) => t.name === name)) return { result: { error: `tool ${name} is not available` } };
  switch (name) {
    case 'book_appointment':
      return bookAppointment(a, args);
    case 'qualify_lead':
      return { result: { ...a.lead, threshold: a.input.snapshot.tenant.leadThreshold, qualified: a.lead.score >= a.input.snapshot.tenant.leadThreshold } };
    case 'transfer_to_human': {
      const action = handoffAction(a, TransferArgs.catch({ reason: 'model_request' }).parse(args ?? {}).reason);
      return { result: { status: action ? 'transferring' : 'unavailable' }, action };
    }
    case 'search_catalog':
      return searchCatalogTool(a, args);
    default:
      return { result: { error: `unknown tool ${name}` } };
  }
}

/** Parses a tool call's JSON arguments; malformed JSON counts as no arguments. */
export function parseToolArgs(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}
