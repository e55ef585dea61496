import type { Router } from 'express';
import { BookingListQuery, LeadListQuery, UpdateBookingRequest, UpdateLeadRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { listBookings } from './list-bookings';
import { listLeads } from './list-leads';
import { updateBookingStatus } from './update-booking-status';
import { updateLeadStatus } from './update-lead-status';

export function registerLeadRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/leads', auth, async (req, res) => {
    res.json(await listLeads(deps, getAuth(res).tenantId, parseInput(LeadListQuery, req.query, 'query')));
  });
  router.patch('/api/v1/leads/:id', auth, async (req, res) => {
    res.json(await updateLeadStatus(deps, getAuth(res), String(req.params.id), parseInput(UpdateLeadRequest, req.body)));
  });
  router.get('/api/v1/bookings', auth, async (req, res) => {
    res.json(await listBookings(deps, getAuth(res).tenantId, parseInput(BookingListQuery, req.query, 'query')));
  });
  router.patch('/api/v1/bookings/:id', auth, async (req, res) => {
    res.json(await updateBookingStatus(deps, getAuth(res), String(req.params.id), parseInput(UpdateBookingRequest, req.body)));
  });
}
