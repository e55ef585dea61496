import { z } from 'zod';
import { E164 } from './db-api-agents';
import { IsoDateTime } from './db-api-common';
import { CallSettings } from './internal-telephony';

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:00');
const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** When outbound calls may be placed, in the tenant's time zone. Days: Monday = 1 ... Sunday = 7. */
export const CallingHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).refine((d) => new Set(d).size === d.length, 'days must not repeat'),
    start: HourMinute,
    end: HourMinute,
  })
  .strict()
  .refine((h) => toMinutes(h.start) < toMinutes(h.end), { message: 'start must be before end', path: ['end'] });
export type CallingHours = z.infer<typeof CallingHours>;

/** A tenant's call settings as stored and edited through `PATCH /api/v1/tenant` `{ callSettings }`. */
export const TenantCallSettings = CallSettings.extend({
  maxCallSeconds: z.number().int().min(30).max(14400),
  maxConcurrentCalls: z.number().int().min(1).max(100),
  /** Outbound calls the tenant may start per minute (each call costs money). */
  outboundCallsPerMinute: z.number().int().min(1).max(120),
  callingHours: CallingHours,
});
export type TenantCallSettings = z.infer<typeof TenantCallSettings>;

export const UpdateCallSettingsRequest = TenantCallSettings.partial().strict();
export type UpdateCallSettingsRequest = z.infer<typeof UpdateCallSettingsRequest>;

export const PhoneNumberCapability = z.enum(['voice', 'sms', 'mms', 'fax']);
export type PhoneNumberCapability = z.infer<typeof PhoneNumberCapability>;

/** A number owned by the caller's tenant (unique across tenants). */
export const PhoneNumberView = z.object({
  id: z.string(),
  number: E164,
  /** The agent that answers; null = the tenant's default agent. */
  agentId: z.string().nullable(),
  capabilities: z.array(PhoneNumberCapability),
  createdAt: IsoDateTime,
});
export type PhoneNumberView = z.infer<typeof PhoneNumberView>;

export const PhoneNumberList = z.object({ items: z.array(PhoneNumberView) });
export type PhoneNumberList = z.infer<typeof PhoneNumberList>;

/** `GET /api/v1/phone-numbers/available?country=MA&contains=522`: local numbers for sale on the platform's Twilio account. */
export const AvailablePhoneNumbersQuery = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as MA'),
  /** Digits (and `*` wildcards) the number must contain. */
  contains: z.string().trim().regex(/^[0-9*]{2,16}$/, 'digits or * only, 2 to 16 characters').optional(),
  limit: z.coerce.number().int().min(1).max(30).default(20),
});
export type AvailablePhoneNumbersQuery = z.infer<typeof AvailablePhoneNumbersQuery>;

export const AvailablePhoneNumber = z.object({
  number: E164,
  friendlyName: z.string(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string(),
  capabilities: z.array(PhoneNumberCapability),
});
export type AvailablePhoneNumber = z.infer<typeof AvailablePhoneNumber>;

export const AvailablePhoneNumberList = z.object({ items: z.array(AvailablePhoneNumber) });
export type AvailablePhoneNumberList = z.infer<typeof AvailablePhoneNumberList>;

/** `POST /api/v1/phone-numbers`: buy one of the available numbers for the tenant. */
export const BuyPhoneNumberRequest = z.strictObject({
  number: E164,
  agentId: z.string().min(1).max(64).nullable().optional(),
});
export type BuyPhoneNumberRequest = z.infer<typeof BuyPhoneNumberRequest>;

/** `PATCH /api/v1/phone-numbers/:id`: which agent answers (null = the default agent). */
export const UpdatePhoneNumberRequest = z.strictObject({ agentId: z.string().min(1).max(64).nullable() });
export type UpdatePhoneNumberRequest = z.infer<typeof UpdatePhoneNumberRequest>;

export const OUTBOUND_CALL_REASONS = ['scheduled', 'cart_recovery', 'callback'] as const;
export const OutboundCallReason = z.enum(OUTBOUND_CALL_REASONS);
export type OutboundCallReason = z.infer<typeof OutboundCallReason>;

/** `POST /api/v1/calls`: place a call to `to` from one of the tenant's numbers, now or at `scheduledAt`. */
export const CreateOutboundCallRequest = z.strictObject({
  to: E164,
  /** Default: the agent answering `from`, else the tenant's default agent. */
  agentId: z.string().min(1).max(64).optional(),
  /** One of the tenant's numbers; default: a number of `agentId`, else the tenant's oldest number. */
  from: E164.optional(),
  reason: OutboundCallReason.default('callback'),
  scheduledAt: IsoDateTime.optional(),
});
export type CreateOutboundCallRequest = z.infer<typeof CreateOutboundCallRequest>;

export const OutboundCallAccepted = z.object({ id: z.string(), status: z.literal('queued'), scheduledAt: IsoDateTime.nullable() });
export type OutboundCallAccepted = z.infer<typeof OutboundCallAccepted>;
