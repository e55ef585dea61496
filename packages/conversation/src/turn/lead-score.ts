import type { LeadScore } from '@vocalia/contracts';

const clamp = (value: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(0, value)) : 0);

/**
 * The engine's lead score brought inside the contract (each BANT axis 0..25, score 0..100), so a
 * scoring slip cannot make the turn's job fail validation and the turn go unrecorded.
 */
export function boundedLead(lead: LeadScore): { lead: LeadScore; adjusted: boolean } {
  const bant = {
    budget: clamp(lead.bant.budget, 25),
    authority: clamp(lead.bant.authority, 25),
    need: clamp(lead.bant.need, 25),
    timeline: clamp(lead.bant.timeline, 25),
  };
  const bounded = { score: clamp(lead.score, 100), bant };
  const adjusted = bounded.score !== lead.score || Object.entries(bant).some(([k, v]) => v !== lead.bant[k as keyof typeof bant]);
  return { lead: bounded, adjusted };
}
