import type { AgentResponse, AgentTool, Language } from '@vocalia/contracts';
import type { Agent } from '@vocalia/db';

export function toAgentResponse(agent: Agent): AgentResponse {
  return {
    id: agent.id,
    name: agent.name,
    personaId: agent.personaId,
    languages: agent.languages as Language[],
    voice: agent.voice,
    greeting: (agent.greeting ?? {}) as Partial<Record<Language, string>>,
    instructions: agent.instructions,
    tools: agent.tools as AgentTool[],
    transferNumber: agent.transferNumber,
    isDefault: agent.isDefault,
    createdAt: agent.createdAt.toISOString(),
    updatedAt: agent.updatedAt.toISOString(),
  };
}
