import type { z } from 'zod';
import { AnalyticsQuery, AnalyticsResponse, BookingListItem, BookingListQuery, BookingPage, LeadListItem, LeadListQuery, LeadPage, type BookingStatus, type LeadStatus } from '@vocalia/contracts';
import type { HttpRequest, QueryValue } from '../http';

const seg = encodeURIComponent;
type Query<S extends z.ZodType> = { [K in keyof z.input<S>]?: QueryValue };

export function leadsResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof LeadListQuery> = {}) => request({ method: 'GET', path: '/api/v1/leads', query, response: LeadPage }),
    setStatus: (id: string, status: LeadStatus) => request({ method: 'PATCH', path: `/api/v1/leads/${seg(id)}`, body: { status }, response: LeadListItem }),
  };
}

export function bookingsResource(request: HttpRequest) {
  return {
    list: (query: Query<typeof BookingListQuery> = {}) => request({ method: 'GET', path: '/api/v1/bookings', query, response: BookingPage }),
    setStatus: (id: string, status: BookingStatus) => request({ method: 'PATCH', path: `/api/v1/bookings/${seg(id)}`, body: { status }, response: BookingListItem }),
  };
}

export function analyticsResource(request: HttpRequest) {
  return { get: (query: Query<typeof AnalyticsQuery> = {}) => request({ method: 'GET', path: '/api/v1/analytics', query, response: AnalyticsResponse }) };
}
