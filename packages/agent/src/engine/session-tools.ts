import type { Language, TenantSnapshot } from '@vocalia/contracts';
import type { HistoryTurn } from '../engine';
import { resolvePersona } from '../personas';
import { runTool, type ToolOutcome } from '../providers/run-tool';
import { enabledTools } from '../providers/tool-specs';
import type { TurnAnalyzer } from '../turn/analyze-turn';

/** A function a model may call: name, what it does, JSON Schema of its arguments. */
export interface FunctionSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** Where the conversation stands when the model calls a tool (the caller's last words and what came before). */
export interface ToolTurn {
  message: string;
  history: HistoryTurn[];
  language?: Language;
}

/** The engine's tools for a session another model drives (a realtime speech model): what to declare, and a local runner. */
export interface SessionTools {
  readonly specs: readonly FunctionSpec[];
  run(name: string, args: unknown, turn: ToolTurn): ToolOutcome;
}

const KNOWLEDGE_TOOL: FunctionSpec = {
  name: 'lookup_knowledge',
  description: "Search the business's knowledge base (hours, prices, policies, services) before answering a factual question; returns the passages that answer.",
  parameters: { type: 'object', properties: { query: { type: 'string', description: 'What the caller wants to know' } }, required: ['query'] },
};

const KNOWLEDGE_RESULTS = 3;
const Query = (args: unknown): string => (typeof (args as { query?: unknown })?.query === 'string' ? (args as { query: string }).query.slice(0, 200) : '');

/** Knowledge lookup plus the agent's enabled tools, each run against this tenant's snapshot only (as in a text turn). */
export function sessionTools(analyzer: TurnAnalyzer, snapshot: TenantSnapshot, sessionId: string): SessionTools {
  const persona = resolvePersona(snapshot);
  const features = new Set(snapshot.tenant.features);
  const tools = enabledTools({ persona, features, input: { snapshot } });
  const knowledge = features.has('knowledge_base') ? [KNOWLEDGE_TOOL] : [];
  return {
    specs: [...knowledge, ...tools],
    run(name, args, turn) {
      if (name === KNOWLEDGE_TOOL.name && knowledge.length > 0) {
        const a = analyzer.analyze({ snapshot, sessionId, message: Query(args), history: turn.history, language: turn.language });
        const found = a.knowledge.answer ? [a.knowledge.answer.hit] : a.knowledge.hits.slice(0, KNOWLEDGE_RESULTS);
        return { result: { passages: found.map((h) => ({ title: h.chunk.title, text: h.chunk.text })) } };
      }
      return runTool(analyzer.analyze({ snapshot, sessionId, ...turn }), name, args);
    },
  };
}
