import { parseToolArgs, type FunctionSpec, type SessionTools, type ToolOutcome, type ToolTurn } from '@vocalia/agent';

/** The line's own tool: the caller is done, so the line says goodbye and hangs up once the reply has played. */
export const END_CALL: FunctionSpec = {
  name: 'end_call',
  description: 'End the phone call when the caller says goodbye or has nothing more to ask. The line says goodbye itself and hangs up.',
  parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why the call ends' } } },
};

/** What the bridge does for the model's tool calls. */
export interface ToolHost {
  tools: SessionTools;
  /** The caller's last words and the call's transcript so far. */
  turn(): ToolTurn;
  /** Send a tool's result back to the model and let it go on speaking. */
  reply(callId: string, result: Record<string, unknown>): void;
  /** The caller goes to a person (the agent has a transfer number and the plan allows hand-offs). */
  transfer(reason: string): void;
  hangUpAfterPlayback(): void;
  /** Kept for the turn's record: a booking request, a hand-off. */
  remember(outcome: ToolOutcome): void;
}

/** Realtime session `tools`: the engine's functions plus end_call. */
export function toolDeclarations(tools: SessionTools) {
  return [...tools.specs, END_CALL].map((spec) => ({ type: 'function' as const, name: spec.name, description: spec.description, parameters: spec.parameters }));
}

/** One `response.function_call_arguments.done`: run the tool here, then act on its outcome or answer the model. */
export function runModelTool(host: ToolHost, call: { callId: string; name: string; arguments: string | undefined }): void {
  if (call.name === END_CALL.name) return host.hangUpAfterPlayback();
  const outcome = host.tools.run(call.name, parseToolArgs(call.arguments), host.turn());
  host.remember(outcome);
  if (outcome.action?.type === 'handoff' && outcome.action.transferNumber) return host.transfer(outcome.action.reason);
  host.reply(call.callId, outcome.result);
}
