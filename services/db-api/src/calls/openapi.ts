import { z } from 'zod';
import { CallDetail, CallListQuery, CallPage, CreateOutboundCallRequest, OutboundCallAccepted } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Calls';

export const callRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/calls', tag, query: CallListQuery, summary: 'Phone calls, newest first (caller numbers masked)', status: 200, response: CallPage },
  { method: 'post', path: '/api/v1/calls', tag, roles: ['owner', 'admin'], feature: 'outbound_calls', idempotent: true, body: CreateOutboundCallRequest, summary: 'Place an outbound call now or at scheduledAt, within the period\'s phone minutes (402), calling hours (409 outside them) and the tenant\'s line and per-minute limits (429)', status: 202, response: OutboundCallAccepted, errors: [402, 409, 429, 503] },
  { method: 'get', path: '/api/v1/calls/:id', tag, resource: 'call', summary: 'One call: transcript, recording link, lead, bookings and billable seconds', status: 200, response: CallDetail },
  { method: 'get', path: '/api/v1/calls/:id/recording', tag, resource: 'call', feature: 'call_recording', summary: 'The call recording (MP3), streamed through VocalIA', status: 200, response: z.string().meta({ format: 'binary' }), contentType: 'audio/mpeg', errors: [502, 503] },
];
