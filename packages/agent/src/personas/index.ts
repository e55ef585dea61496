import type { TenantSnapshot } from '@vocalia/contracts';
import { BUSINESS_SECTORS } from './sectors-business';
import { CARE_SECTORS } from './sectors-care';
import { COMMERCE_SECTORS } from './sectors-commerce';
import { HEALTH_SECTORS } from './sectors-health';
import { HOME_SECTORS } from './sectors-home';
import { LOCAL_SECTORS } from './sectors-local';
import { definePersona, PersonaId, type Persona } from './persona';

export { Persona, PersonaId, PERSONA_IDS, ToolName, TOOL_NAMES } from './persona';
export type { Localized } from './persona';

/** The persona catalogue, one per sector, in PERSONA_IDS order. */
export const PERSONAS: readonly Persona[] = [...CARE_SECTORS, ...HEALTH_SECTORS, ...COMMERCE_SECTORS, ...LOCAL_SECTORS, ...HOME_SECTORS, ...BUSINESS_SECTORS]
  .map(definePersona)
  .sort((a, b) => PersonaId.options.indexOf(a.id) - PersonaId.options.indexOf(b.id));

const BY_ID = new Map<string, Persona>(PERSONAS.map((p) => [p.id, p]));

export function getPersona(id: string): Persona | undefined {
  return BY_ID.get(id);
}

/** The agent's persona, else the tenant's sector when it names one, else `generic`. */
export function resolvePersona(snapshot: TenantSnapshot): Persona {
  return getPersona(snapshot.agent?.personaId ?? '') ?? getPersona(snapshot.tenant.sector ?? '') ?? BY_ID.get('generic')!;
}
