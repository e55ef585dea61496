import { z } from 'zod';

export const Channel = z.enum(['widget', 'voice', 'phone', 'api']);
export type Channel = z.infer<typeof Channel>;
