import type { HistoryTurn, SessionTools } from '@vocalia/agent';
import type { TenantSnapshot } from '@vocalia/contracts';
import { withChosenAgent, type SpokenTurn } from '@vocalia/conversation';
import type { Logger } from '@vocalia/service-kit';
import { randomUUID } from 'node:crypto';
import type { NumberDirectory } from '../calls/call-deps';
import type { CallState, CallStore } from '../calls/call-store';
import { knownState, recoverCall, storedCall } from '../calls/recover-call';
import type { CallUrls } from '../calls/twiml';
import type { PhoneTurns } from '../turns/phone-turns';
import type { TwilioStreamMessage } from './media-frames';
import type { RealtimeConfig } from './realtime-config';
import type { StreamClaims, StreamTokens } from './stream-token';

export interface StreamDeps {
  logger: Logger;
  calls: CallStore;
  tokens: StreamTokens;
  snapshots: { get(tenantId: string): Promise<TenantSnapshot | null> };
  /** Who answers (greeting, language); null when the tenant may not take calls. */
  turns: Pick<PhoneTurns, 'agentFor'>;
  /** Who owns a number: a call whose state Redis lost is rebuilt from its line. */
  numbers: NumberDirectory;
  recordSpokenTurn(turn: SpokenTurn): Promise<void>;
  /** The conversation of a session so far (empty when Redis cannot say): a reconnected call carries on from it. */
  loadHistory(tenantId: string, sessionId: string): Promise<HistoryTurn[]>;
  /** The engine's tools for this call (knowledge, lead, booking, catalog, hand-off), run locally. */
  tools(snapshot: TenantSnapshot, sessionId: string): SessionTools;
  realtime: RealtimeConfig;
  /** Replace what a live call is doing with new TwiML (Twilio REST `calls(sid).update`). */
  updateCall(callSid: string, twiml: string): Promise<void>;
  urls: CallUrls;
  now: () => number;
}

/**
 * The call a valid token opens: its state, or, when Redis lost it between the answer and this start (or
 * cannot say now), the state rebuilt from the token's line, kept in this stream only: each Twilio webhook
 * of the call rebuilds its own from the numbers Twilio signs, the caller's included.
 */
async function streamedCall(deps: StreamDeps, claims: StreamClaims): Promise<CallState | null> {
  const stored = await storedCall(deps, claims.callSid);
  const known = knownState(stored);
  if (known) return known;
  const origin = claims.line && claims.direction ? { callSid: claims.callSid, direction: claims.direction, line: claims.line, agentId: claims.agentId } : null;
  return recoverCall(deps, claims.callSid, stored, origin, randomUUID());
}

export interface StreamOpening {
  call: CallState;
  /** The tenant as its agent for this call answers. */
  snapshot: TenantSnapshot;
  /** A new call's greeting, or, for a stream reopened mid-call (`resumed`), the conversation so far: no second greeting. */
  opening: { greeting: string } | { past: HistoryTurn[] };
}

/**
 * What a stream's `start` frame opens: the call its token was signed for (known, or rebuilt), the tenant
 * that answers it, and how the model begins; or why the stream is refused (closed 1008).
 */
export async function openStream(deps: StreamDeps, start: Extract<TwilioStreamMessage, { event: 'start' }>['start'], maxHistory: number): Promise<StreamOpening | { refused: string }> {
  const { customParameters: params, callSid } = start;
  const claims = deps.tokens.verify(params.token ?? '');
  if ('refused' in claims) return claims;
  if (claims.callSid !== callSid || claims.tenantId !== params.tenant || (claims.agentId ?? '') !== (params.agent ?? '')) return { refused: 'token for another call' };
  const call = await streamedCall(deps, claims);
  if (!call || call.ended || call.tenantId !== claims.tenantId) return { refused: 'unknown call' };
  const [found, agent] = await Promise.all([deps.snapshots.get(call.tenantId), deps.turns.agentFor(call.tenantId, call.agentId)]);
  if (!found || !agent) return { refused: 'tenant cannot take calls' };
  const snapshot = withChosenAgent(found, call.agentId ?? undefined);
  if (params.resumed !== '1') return { call, snapshot, opening: { greeting: agent.greeting } };
  return { call, snapshot, opening: { past: (await deps.loadHistory(call.tenantId, call.callSid)).slice(-maxHistory) } };
}
