import { LANGUAGES } from '@vocalia/contracts';
import { getPersona, Persona, PERSONA_IDS, PERSONAS, PersonaId, resolvePersona } from '../src';
import { dentalSnapshot } from './support/fixtures';

const REQUIRED = ['dental', 'real_estate', 'notary', 'travel', 'ecommerce', 'restaurant', 'legal', 'clinic', 'insurance', 'automotive', 'education', 'hospitality', 'agency', 'renting', 'fitness', 'beauty', 'accounting', 'plumbing', 'telecom', 'generic'];

describe('persona catalogue', () => {
  it('when db-api serves the catalogue, then every required sector is there once and validates against the schema', () => {
    expect([...PERSONA_IDS].sort()).toEqual([...REQUIRED].sort());
    expect(PERSONAS.map((p) => p.id)).toEqual([...PERSONA_IDS]);
    for (const persona of PERSONAS) expect(Persona.parse(persona)).toEqual(persona);
  });

  it.each(PERSONAS.map((p) => [p.id, p] as const))('when persona %s speaks, then it has a greeting, fallback, hand-off and follow-up in all five languages', (_id, persona) => {
    for (const language of LANGUAGES) {
      for (const phrase of [persona.greeting, persona.fallback, persona.handoff, persona.followUp, persona.role, persona.staff]) {
        expect(phrase[language].trim().length).toBeGreaterThan(3);
      }
      expect(persona.greeting[language]).toContain('{business}');
    }
    expect(persona.instructions).toContain('Never invent');
    expect(persona.tools.length).toBeGreaterThan(0);
  });

  it('when an agent names a persona id, then it is validated by the PersonaId enum', () => {
    expect(PersonaId.safeParse('dental').success).toBe(true);
    expect(PersonaId.safeParse('astrology').success).toBe(false);
    expect(getPersona('astrology')).toBeUndefined();
  });

  it("when the agent's persona is unknown, then the tenant's sector, else generic, is used", () => {
    const snapshot = dentalSnapshot();
    expect(resolvePersona(snapshot).id).toBe('dental');
    expect(resolvePersona({ ...snapshot, agent: null }).id).toBe('dental');
    expect(resolvePersona({ ...snapshot, agent: null, tenant: { ...snapshot.tenant, sector: 'space' } }).id).toBe('generic');
  });

  it('when the ecommerce persona is used, then catalogue search is among its default tools', () => {
    expect(getPersona('ecommerce')?.tools).toContain('search_catalog');
    expect(getPersona('dental')?.tools).toContain('book_appointment');
  });
});
