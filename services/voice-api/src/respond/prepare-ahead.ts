import type { PreparedMessage } from '@vocalia/agent';

/**
 * Runs `prepare` (the message's own analysis) once this event-loop turn's Redis write has left: the
 * batch that carries the admission script was scheduled first, so the script is in Redis while the
 * analysis runs, and the turn finds it done when the history arrives. A failure leaves the turn to
 * analyse the message itself.
 */
export function prepareAhead(prepare: () => PreparedMessage | undefined): Promise<PreparedMessage | undefined> {
  return new Promise((resolve) => {
    setImmediate(() => {
      try {
        resolve(prepare());
      } catch {
        resolve(undefined);
      }
    });
  });
}
