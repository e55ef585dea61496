import { z } from 'zod';

/** BANT: each axis 0..25, the score is their sum (0..100). */
export const Bant = z.object({
  budget: z.number().min(0).max(25),
  authority: z.number().min(0).max(25),
  need: z.number().min(0).max(25),
  timeline: z.number().min(0).max(25),
});
export type Bant = z.infer<typeof Bant>;

export const LeadScore = z.object({ score: z.number().min(0).max(100), bant: Bant });
export type LeadScore = z.infer<typeof LeadScore>;

export const BookingRequest = z.object({
  date: z.string().optional(),
  time: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  service: z.string().optional(),
  note: z.string().optional(),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const Contact = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;
