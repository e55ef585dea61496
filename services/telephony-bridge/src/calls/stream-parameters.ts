import type { CallDeps } from './call-deps';
import type { CallState } from './call-store';

/** The `<Parameter>`s a call's media stream opens with: tenant, agent and a token signed for this call. */
export function streamParameters(stream: NonNullable<CallDeps['stream']>, call: CallState): Record<string, string> {
  const { callSid, tenantId, agentId, lineNumber: line, direction } = call;
  const token = stream.tokens.issue({ callSid, tenantId, agentId, direction, ...(line ? { line } : {}) });
  return { tenant: tenantId, agent: agentId ?? '', token };
}
