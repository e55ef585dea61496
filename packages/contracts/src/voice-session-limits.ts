import type { PlanId } from './plans';

/** How long and how many browser voice sessions (`/realtime`) a plan gets. */
export interface VoiceSessionLimits {
  /** Longest session; then it ends (close 1001). */
  maxSessionSec: number;
  /** No audio from the browser for this long ends it (close 1000). */
  idleSec: number;
  /** Live sessions at once per tenant; more are refused 429 at the upgrade. */
  concurrentSessions: number;
}

/**
 * The plan matrix for browser voice, beside `PLANS`. Plans without `cloud_voice` never get a session
 * (refused 403 at the upgrade); their row is the floor. realtime caps each value with its own
 * REALTIME_MAX_SESSION_SEC, REALTIME_IDLE_SEC and REALTIME_MAX_SESSIONS_PER_TENANT.
 */
export const VOICE_SESSION_LIMITS: Record<PlanId, VoiceSessionLimits> = {
  starter: { maxSessionSec: 300, idleSec: 30, concurrentSessions: 2 },
  pro: { maxSessionSec: 900, idleSec: 60, concurrentSessions: 10 },
  ecommerce: { maxSessionSec: 900, idleSec: 60, concurrentSessions: 10 },
  expert_clone: { maxSessionSec: 1800, idleSec: 90, concurrentSessions: 20 },
  telephony: { maxSessionSec: 1800, idleSec: 90, concurrentSessions: 50 },
};
