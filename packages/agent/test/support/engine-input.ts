import type { LeadScore, TenantSnapshot } from '@vocalia/contracts';
import type { EngineInput, HistoryTurn } from '../../src';

let counter = 0;

/** A fresh input object per turn (the analyser memoises per object). */
export function turn(snapshot: TenantSnapshot, message: string, extra: Partial<EngineInput> & { history?: HistoryTurn[]; lead?: LeadScore } = {}): EngineInput {
  counter += 1;
  return { snapshot, sessionId: `session-${counter}`, message, history: [], ...extra };
}

/** Monday 10 March 2025, 10:00 UTC (11:00 in Casablanca). */
export const FIXED_NOW = new Date('2025-03-10T10:00:00Z');
export const fixedClock = (): Date => FIXED_NOW;

/** Collects streamed pieces. */
export function tokenRecorder(): { pieces: string[]; sink: (piece: string) => void; text: () => string } {
  const pieces: string[] = [];
  return { pieces, sink: (p) => pieces.push(p), text: () => pieces.join('') };
}
