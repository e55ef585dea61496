import { z } from 'zod';

/**
 * What an assistant turn rested on: `grounded` (the tenant's knowledge base or catalog), `unknown`
 * (the honest "I don't know", with or without the offer of a person), `handoff` (the visitor asked
 * for a person, complained, or the topic needs one), `other` (greeting, booking, small talk, refusal).
 * The answer rate is grounded / (grounded + unknown).
 */
export const AnswerKind = z.enum(['grounded', 'unknown', 'handoff', 'other']);
export type AnswerKind = z.infer<typeof AnswerKind>;
