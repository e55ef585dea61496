import { z } from 'zod';
import { Language } from '../languages';

export const AGENT_TOOLS = ['booking', 'lead_qualification', 'handoff', 'catalog_lookup'] as const;
export const AgentTool = z.enum(AGENT_TOOLS);
export type AgentTool = z.infer<typeof AgentTool>;

export const MAX_AGENT_INSTRUCTIONS_CHARS = 8000;
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number, e.g. +212612345678');

const distinct = <T>(items: T[]) => new Set(items).size === items.length;

const AgentFields = {
  name: z.string().trim().min(1).max(100),
  personaId: z.string().trim().min(1).max(64),
  languages: z.array(Language).min(1).max(5).refine(distinct, 'languages must not repeat'),
  voice: z.string().trim().min(1).max(100).nullable(),
  greeting: z.partialRecord(Language, z.string().trim().min(1).max(500)),
  instructions: z.string().max(MAX_AGENT_INSTRUCTIONS_CHARS, `at most ${MAX_AGENT_INSTRUCTIONS_CHARS} characters`),
  tools: z.array(AgentTool).max(AGENT_TOOLS.length).refine(distinct, 'tools must not repeat'),
  transferNumber: E164.nullable(),
  isDefault: z.boolean(),
};

export const CreateAgentRequest = z.strictObject({
  name: AgentFields.name,
  personaId: AgentFields.personaId,
  languages: AgentFields.languages,
  voice: AgentFields.voice.optional(),
  greeting: AgentFields.greeting.default({}),
  instructions: AgentFields.instructions.default(''),
  tools: AgentFields.tools.default([]),
  transferNumber: AgentFields.transferNumber.optional(),
  isDefault: AgentFields.isDefault.optional(),
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequest>;

/** PATCH: only the fields sent change; `null` clears voice or transferNumber. */
export const UpdateAgentRequest = z.strictObject({
  name: AgentFields.name.optional(),
  personaId: AgentFields.personaId.optional(),
  languages: AgentFields.languages.optional(),
  voice: AgentFields.voice.optional(),
  greeting: AgentFields.greeting.optional(),
  instructions: AgentFields.instructions.optional(),
  tools: AgentFields.tools.optional(),
  transferNumber: AgentFields.transferNumber.optional(),
  isDefault: AgentFields.isDefault.optional(),
});
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequest>;

export const AgentResponse = z.object({
  id: z.string(),
  name: z.string(),
  personaId: z.string(),
  languages: z.array(Language),
  voice: z.string().nullable(),
  greeting: z.partialRecord(Language, z.string()),
  instructions: z.string(),
  tools: z.array(AgentTool),
  transferNumber: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AgentResponse = z.infer<typeof AgentResponse>;

export const AgentListResponse = z.object({ items: z.array(AgentResponse) });
export type AgentListResponse = z.infer<typeof AgentListResponse>;
