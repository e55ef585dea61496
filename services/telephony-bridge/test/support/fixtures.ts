import { PLANS, TenantSnapshot, type AgentTool, type CallSettings, type CatalogItemSnapshot, type ResolvedPhoneNumber } from '@vocalia/contracts';

export interface PhoneTenant {
  id: string;
  number: string;
  transferNumber?: string;
  settings?: Partial<CallSettings>;
  /** The agent's tools, as the dashboard names them; by default only the hand-off. */
  tools?: AgentTool[];
  catalog?: CatalogItemSnapshot[];
}

export const DEFAULT_SETTINGS: CallSettings = { recordCalls: false, maxCallSeconds: 600, transferDigit: '0', smsSummary: false, maxConcurrentCalls: 5 };

/** A telephony-plan tenant whose English-speaking agent answers `number`. */
export function snapshotFor(t: PhoneTenant): TenantSnapshot {
  const agent = {
    id: `agent-${t.id}`,
    name: 'Sara',
    personaId: 'retail',
    languages: ['en', 'fr'],
    greeting: { en: 'Hello, you are speaking with Sara from {business}. How can I help?' },
    instructions: `You are Sara for ${t.id}.`,
    tools: t.tools ?? ['handoff'],
    ...(t.transferNumber ? { transferNumber: t.transferNumber } : {}),
  };
  return TenantSnapshot.parse({
    tenant: {
      id: t.id,
      name: `Shop ${t.id}`,
      sector: 'retail',
      plan: 'telephony',
      features: PLANS.telephony.features,
      status: 'active',
      defaultLanguage: 'en',
      currency: 'EUR',
      timezone: 'Europe/Paris',
      leadThreshold: 60,
      phoneNumbers: [t.number],
    },
    allowedOrigins: [],
    agent,
    agents: [agent],
    widget: {
      branding: { primaryColor: '#112233', textColor: '#ffffff', fontFamily: 'Inter', position: 'bottom-right', showPoweredBy: false },
      languages: ['en', 'fr'],
      greeting: {},
      ecommerce: false,
    },
    knowledge: [{ id: `chunk-${t.id}`, documentId: `doc-${t.id}`, title: 'Opening hours', language: 'en', text: `Shop ${t.id} is open Monday to Friday, 9:00 to 18:00.` }],
    catalog: t.catalog ?? [],
    version: '1',
  });
}

export function numberFor(t: PhoneTenant): ResolvedPhoneNumber {
  return { phoneNumberId: `pn-${t.id}`, number: t.number, tenantId: t.id, agentId: `agent-${t.id}`, settings: { ...DEFAULT_SETTINGS, ...t.settings } };
}
