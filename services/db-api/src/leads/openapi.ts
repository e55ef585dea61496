import { BookingListItem, BookingListQuery, BookingPage, LeadListItem, LeadListQuery, LeadPage, UpdateBookingRequest, UpdateLeadRequest } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Leads and bookings';

export const leadRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/leads', tag, query: LeadListQuery, summary: 'Leads, newest first; filters status, minScore, from/to (creation date)', status: 200, response: LeadPage },
  { method: 'patch', path: '/api/v1/leads/:id', tag, resource: 'lead', summary: 'Change a lead status (new, contacted, qualified, won, lost); audited', body: UpdateLeadRequest, status: 200, response: LeadListItem },
  { method: 'get', path: '/api/v1/bookings', tag, query: BookingListQuery, summary: 'Booking requests, newest first; filters status, from/to (creation date)', status: 200, response: BookingPage },
  { method: 'patch', path: '/api/v1/bookings/:id', tag, resource: 'booking', summary: 'Set a booking status: confirmed, cancelled, done (the visit took place), or back to requested; audited', body: UpdateBookingRequest, status: 200, response: BookingListItem },
];
