import type { AgentTool, Feature } from '@vocalia/contracts';
import { TOOL_NAMES, type ToolName } from '../personas';
import type { TurnAnalysis } from '../turn/analyze-turn';

export interface ToolSpec {
  name: ToolName;
  description: string;
  /** JSON Schema of the arguments (sent as-is to OpenAI-compatible APIs and to Gemini). */
  parameters: Record<string, unknown>;
}

const str = (description: string): Record<string, unknown> => ({ type: 'string', description });

export const TOOL_SPECS: Record<ToolName, ToolSpec> = {
  book_appointment: {
    name: 'book_appointment',
    description: 'Record an appointment request once the visitor has given a date, a time, their name and a phone number or email. The team confirms it later.',
    parameters: {
      type: 'object',
      properties: {
        date: str('Date as YYYY-MM-DD'), time: str('Time as HH:MM, 24h'), name: str("Visitor's name"), email: str('Email'),
        phone: str('Phone number'), service: str('Service or reason'), note: str('Anything else the visitor asked for'),
      },
    },
  },
  qualify_lead: {
    name: 'qualify_lead',
    description: "Get the visitor's current lead score (BANT: budget, authority, need, timeline) and whether they are qualified.",
    parameters: { type: 'object', properties: { summary: str("What you learnt about the visitor's project") } },
  },
  transfer_to_human: {
    name: 'transfer_to_human',
    description: 'Hand the conversation to a person of the team, when the visitor asks for one or when you cannot help.',
    parameters: { type: 'object', properties: { reason: str('Why the transfer is needed') }, required: ['reason'] },
  },
  search_catalog: {
    name: 'search_catalog',
    description: "Search the shop's product catalogue; returns up to 3 products with their real price and stock.",
    parameters: { type: 'object', properties: { query: str('What the visitor is looking for') }, required: ['query'] },
  },
};

const REQUIRED_FEATURE: Record<ToolName, Feature> = {
  book_appointment: 'booking',
  qualify_lead: 'lead_scoring',
  transfer_to_human: 'human_handoff',
  search_catalog: 'product_catalog',
};

/** The tool an integrator enables on an agent (db-api's vocabulary) -> the function the model calls. */
export const FUNCTION_FOR_AGENT_TOOL: Record<AgentTool, ToolName> = {
  booking: 'book_appointment',
  lead_qualification: 'qualify_lead',
  handoff: 'transfer_to_human',
  catalog_lookup: 'search_catalog',
};

function configuredFunctions(tools: readonly string[]): ToolName[] {
  return tools.flatMap((t) => (t in FUNCTION_FOR_AGENT_TOOL ? [FUNCTION_FOR_AGENT_TOOL[t as AgentTool]] : []));
}

/** The agent's tools (or its persona's defaults), kept only when the tenant's plan grants the feature behind them. */
export function enabledTools(a: Pick<TurnAnalysis, 'persona' | 'features'> & { input: Pick<TurnAnalysis['input'], 'snapshot'> }): ToolSpec[] {
  const configured = configuredFunctions(a.input.snapshot.agent?.tools ?? []);
  const wanted = configured.length > 0 ? configured : a.persona.tools;
  return TOOL_NAMES.filter((name) => wanted.includes(name) && a.features.has(REQUIRED_FEATURE[name])).map((name) => TOOL_SPECS[name]);
}
