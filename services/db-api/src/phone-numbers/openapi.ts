import { AvailablePhoneNumberList, AvailablePhoneNumbersQuery, BuyPhoneNumberRequest, PhoneNumberList, PhoneNumberView, UpdatePhoneNumberRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Phone numbers';
const manage: Pick<RouteDoc, 'tag' | 'roles' | 'feature'> = { tag, roles: ['owner', 'admin'], feature: 'telephony' };

export const phoneNumberRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/phone-numbers/available', ...manage, query: AvailablePhoneNumbersQuery, summary: 'Local numbers for sale in a country (503 when telephony is not configured)', status: 200, response: AvailablePhoneNumberList, errors: [502, 503] },
  { method: 'get', path: '/api/v1/phone-numbers', tag, feature: 'telephony', summary: "The tenant's numbers and the agent answering each", status: 200, response: PhoneNumberList },
  { method: 'post', path: '/api/v1/phone-numbers', ...manage, idempotent: true, body: BuyPhoneNumberRequest, summary: 'Buy a number; its calls reach the named agent (409 when it is taken)', status: 201, response: PhoneNumberView, errors: [409, 502, 503] },
  { method: 'patch', path: '/api/v1/phone-numbers/:id', ...manage, resource: 'phone_number', body: UpdatePhoneNumberRequest, summary: 'Change the agent answering a number', status: 200, response: PhoneNumberView },
  { method: 'delete', path: '/api/v1/phone-numbers/:id', ...manage, resource: 'phone_number', summary: 'Release a number (it stops answering at once)', status: 204, response: null, errors: [502, 503] },
];
