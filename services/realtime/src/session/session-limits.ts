import type { VoiceSessionLimits } from '@vocalia/contracts';

/** WebSocket close codes this service uses (RFC 6455 section 7.4.1). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  invalidData: 1007,
  policy: 1008,
  internal: 1011,
  /** The server is restarting (a rolling update): the widget reconnects at once and lands on another replica. */
  serviceRestart: 1012,
  tryAgainLater: 1013,
} as const;

export interface SessionLimits {
  startTimeoutMs: number;
  /** The ceiling over every plan's `maxSessionSec` (VOICE_SESSION_LIMITS in contracts). */
  maxSessionMs: number;
  /** No audio from the browser for this long: the session ends (1000), so a forgotten tab stops counting seconds. The ceiling over every plan's `idleSec`. */
  idleMs: number;
  pingEveryMs: number;
  /** Audio frames held while the model connects; older ones are dropped past this. */
  maxEarlyFrames: number;
  /** Audio waiting in the socket for a browser that does not read: past this the session closes. */
  maxOutgoingBytes: number;
  /** The ceiling over every plan's `concurrentSessions`. */
  maxSessionsPerTenant: number;
  /** Live sessions in this process; past it a socket is closed at once with 1013 (try again later). */
  maxSessions: number;
  /** Named on the turns it answers (`realtime:<model>`). */
  modelName: string;
}

/**
 * A session's limits: the plan's (contracts' VOICE_SESSION_LIMITS), capped by this process's; its length is
 * also cut to the period's streaming voice minutes left (`voiceSecondsLeft` of the tenant snapshot), so a
 * session started near the quota cannot run far past it.
 */
export function limitsForPlan(limits: SessionLimits, plan: VoiceSessionLimits, voiceSecondsLeft = Infinity): SessionLimits {
  return {
    ...limits,
    maxSessionMs: Math.min(limits.maxSessionMs, plan.maxSessionSec * 1000, voiceSecondsLeft * 1000),
    idleMs: Math.min(limits.idleMs, plan.idleSec * 1000),
    maxSessionsPerTenant: Math.min(limits.maxSessionsPerTenant, plan.concurrentSessions),
  };
}
