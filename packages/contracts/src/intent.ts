import { z } from 'zod';

/** What a visitor's message asks for, as the agent detects it; stored on messages and counted by analytics. */
export const Intent = z.enum(['greeting', 'hours', 'pricing', 'booking', 'order_status', 'handoff', 'complaint', 'goodbye', 'product_search', 'question']);
export type Intent = z.infer<typeof Intent>;
