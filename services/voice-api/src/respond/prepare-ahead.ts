import { setImmediate as nextCheckPhase } from 'node:timers/promises';
import type { PreparedMessage } from '@vocalia/agent';

/**
 * Runs `prepare` (the message's own analysis) once this event-loop turn's Redis write has left: the
 * batch that carries the admission script was scheduled first, and immediates run in order, so the
 * script is in Redis while the analysis runs, and the turn finds it done when the history arrives.
 * A failure leaves the turn to analyse the message itself.
 */
export function prepareAhead(prepare: () => PreparedMessage | undefined): Promise<PreparedMessage | undefined> {
  return nextCheckPhase().then(prepare).catch(() => undefined);
}
