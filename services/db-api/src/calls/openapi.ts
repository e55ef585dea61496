import { z } from 'zod';
import { CallDetail, CallListQuery, CallPage } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Calls';

export const callRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/calls', tag, query: CallListQuery, summary: 'Phone calls, newest first (caller numbers masked)', status: 200, response: CallPage },
  { method: 'get', path: '/api/v1/calls/:id', tag, resource: 'call', summary: 'One call: transcript, recording link, lead, bookings and billable seconds', status: 200, response: CallDetail },
  { method: 'get', path: '/api/v1/calls/:id/recording', tag, resource: 'call', feature: 'call_recording', summary: 'The call recording (MP3), streamed through VocalIA', status: 200, response: z.string().meta({ format: 'binary' }), contentType: 'audio/mpeg', errors: [502, 503] },
];
