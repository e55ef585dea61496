import { LANGUAGES } from '@vocalia/contracts';
import { getPersona, Persona, PERSONA_IDS, PERSONAS, PersonaId, resolvePersona } from '../src';
import { dentalSnapshot } from './support/fixtures';

const REQUIRED = [
  'dental', 'real_estate', 'notary', 'travel', 'ecommerce', 'restaurant', 'legal', 'clinic', 'insurance', 'automotive', 'education',
  'hospitality', 'agency', 'renting', 'fitness', 'beauty', 'accounting', 'plumbing', 'telecom', 'generic',
  'veterinary', 'pharmacy', 'optician', 'physiotherapy', 'laboratory', 'home_care', 'childcare', 'driving_school', 'language_school',
  'electrician', 'renovation', 'solar', 'cleaning', 'moving', 'property_management', 'courier', 'catering', 'events', 'coworking',
  'recruitment', 'it_services',
];

/** The honesty rule, as each language's instructions say it. */
const NEVER_INVENT = { fr: "N'inventez jamais", en: 'Never invent', es: 'No invente nunca', ar: 'لا تخترع أبدا', ary: 'عمرك ما تخترع' };

describe('persona catalogue', () => {
  it('when db-api serves the catalogue, then 40 sector personas and the generic one are there once and validate against the schema', () => {
    expect(PERSONAS.filter((p) => p.id !== 'generic')).toHaveLength(40);
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
    for (const language of LANGUAGES) {
      expect(persona.instructions[language]).toContain(NEVER_INVENT[language]);
      expect(persona.instructions[language]).toContain(persona.role[language]);
      expect(persona.instructions[language]).toContain('{business}');
    }
    const sentences = LANGUAGES.map((l) => persona.instructions[l]);
    expect(new Set(sentences).size).toBe(LANGUAGES.length);
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
