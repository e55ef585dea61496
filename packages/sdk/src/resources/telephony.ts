import type { z } from 'zod';
import { AvailablePhoneNumberList, AvailablePhoneNumbersQuery, BuyPhoneNumberRequest, PhoneNumberList, PhoneNumberView, UpdatePhoneNumberRequest } from '@vocalia/contracts';
import type { HttpRequest, IdempotentOptions, QueryValue } from '../http';

const seg = encodeURIComponent;
type Query<S extends z.ZodType> = { [K in keyof z.input<S>]?: QueryValue };

/** Numbers bought on the platform's Twilio account (feature telephony). */
export function phoneNumbersResource(request: HttpRequest) {
  return {
    available: (query: Query<typeof AvailablePhoneNumbersQuery> & { country: string }) =>
      request({ method: 'GET', path: '/api/v1/phone-numbers/available', query, response: AvailablePhoneNumberList }),
    list: () => request({ method: 'GET', path: '/api/v1/phone-numbers', response: PhoneNumberList }),
    /** Buys a number on the platform's Twilio account. Retry with the same `idempotencyKey`: never two numbers. */
    buy: (input: z.input<typeof BuyPhoneNumberRequest>, opts: IdempotentOptions = {}) => request({ method: 'POST', path: '/api/v1/phone-numbers', body: input, response: PhoneNumberView, ...opts }),
    update: (id: string, input: z.input<typeof UpdatePhoneNumberRequest>) => request({ method: 'PATCH', path: `/api/v1/phone-numbers/${seg(id)}`, body: input, response: PhoneNumberView }),
    release: (id: string) => request({ method: 'DELETE', path: `/api/v1/phone-numbers/${seg(id)}`, response: null }),
  };
}
