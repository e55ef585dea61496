import { createHash, timingSafeEqual } from 'node:crypto';
import type { TenantSnapshot } from '@vocalia/contracts';
import { normaliseOrigin } from './origin';

const MAX_DECISIONS_PER_SNAPSHOT = 256;

interface Decisions {
  allowedDigests: Buffer[];
  byOrigin: Map<string, boolean>;
}

/**
 * Decisions are cached against the snapshot object itself: when `tenant-updated` drops the snapshot,
 * its decisions go with it, and a new snapshot starts with none.
 */
const decisionsBySnapshot = new WeakMap<TenantSnapshot, Decisions>();

const digest = (origin: string) => createHash('sha256').update(origin).digest();

function decisionsFor(snapshot: TenantSnapshot): Decisions {
  let decisions = decisionsBySnapshot.get(snapshot);
  if (!decisions) {
    const allowed = snapshot.allowedOrigins.map(normaliseOrigin).filter((o): o is string => o !== null);
    decisions = { allowedDigests: allowed.map(digest), byOrigin: new Map() };
    decisionsBySnapshot.set(snapshot, decisions);
  }
  return decisions;
}

/** Compare against every allowed origin, fixed-length digests in constant time, no early exit. */
function matchesAny(allowedDigests: Buffer[], origin: string): boolean {
  const candidate = digest(origin);
  let found = false;
  for (const allowed of allowedDigests) found = timingSafeEqual(allowed, candidate) || found;
  return found;
}

/** Is this (already normalised) origin one of the tenant's allowed origins? */
export function isOriginAllowed(snapshot: TenantSnapshot, origin: string): boolean {
  const decisions = decisionsFor(snapshot);
  const cached = decisions.byOrigin.get(origin);
  if (cached !== undefined) return cached;
  const allowed = matchesAny(decisions.allowedDigests, origin);
  if (decisions.byOrigin.size < MAX_DECISIONS_PER_SNAPSHOT) decisions.byOrigin.set(origin, allowed);
  return allowed;
}
