import { PERSONAS } from '@vocalia/agent';
import { LANGUAGES, type Language, type PersonaListResponse } from '@vocalia/contracts';

/** The sector personas an agent can be built on, with the languages each speaks (those it has a greeting in). */
export function listPersonas(): PersonaListResponse {
  const personas = Object.values(PERSONAS);
  return {
    items: personas.map((p) => ({
      id: p.id,
      sector: p.sector,
      name: p.name,
      description: p.description,
      languages: LANGUAGES.filter((l: Language) => Boolean(p.greeting[l])),
    })),
  };
}
