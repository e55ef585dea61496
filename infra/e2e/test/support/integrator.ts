import { randomBytes } from 'node:crypto';
import type { Language } from '@vocalia/contracts';
import { createVocaliaClient, type VocaliaClient } from '@vocalia/sdk';
import { DENTAL_KNOWLEDGE } from './knowledge-base';

export const PASSWORD = 'Correct-Horse-Battery-42';

export interface IntegratorSetup {
  /** Pages of the integrator's site are served from here; each is added to the allowed origins. */
  origins: string[];
  languages: Language[];
  company?: string;
}

export interface Integrator {
  client: VocaliaClient;
  tenantId: string;
  agentId: string;
}

/**
 * What a new business does in the dashboard, through the edge with the SDK: sign up, choose its
 * languages, allow its site, create an agent and write its knowledge base in those languages.
 */
export async function onboardIntegrator(edgeUrl: string, setup: IntegratorSetup): Promise<Integrator> {
  const client = createVocaliaClient({ baseUrl: edgeUrl });
  const session = await client.auth.register({
    email: `owner.${randomBytes(5).toString('hex')}@cabinet-atlas.example`,
    password: PASSWORD,
    company: setup.company ?? 'Cabinet Dentaire Atlas',
  });
  const [first] = setup.languages;
  if (!first) throw new Error('onboardIntegrator: at least one language');
  await client.tenant.update({ languages: setup.languages, defaultLanguage: first, currency: 'MAD', timezone: 'Africa/Casablanca' });
  for (const origin of setup.origins) await client.origins.add(origin);
  const agent = await client.agents.create({ name: 'Salma', personaId: 'dental', languages: setup.languages });
  for (const language of setup.languages) {
    for (const document of DENTAL_KNOWLEDGE[language]) await client.knowledge.create(document);
  }
  return { client, tenantId: session.tenant.id, agentId: agent.id };
}
