import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Router } from 'express';
import { CallListQuery, CreateOutboundCallRequest } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { authenticate } from '../access/authenticate';
import { getAuth } from '../access/auth-context';
import { idempotentPost } from '../access/idempotent-post';
import { requireRole } from '../access/require-role';
import { requireFeature } from '../plans/require-feature';
import { openCallRecording } from './open-call-recording';
import { placeOutboundCall } from './place-outbound-call';
import { getCall, listCalls } from './read-calls';

export function registerCallRoutes(router: Router, deps: Deps): void {
  const auth = authenticate(deps);
  router.get('/api/v1/calls', auth, async (req, res) => {
    res.json(await listCalls(deps, getAuth(res).tenantId, parseInput(CallListQuery, req.query, 'query')));
  });
  router.post('/api/v1/calls', auth, idempotentPost(deps), requireRole('owner', 'admin'), requireFeature(deps, 'outbound_calls'), async (req, res) => {
    res.status(202).json(await placeOutboundCall(deps, getAuth(res), parseInput(CreateOutboundCallRequest, req.body)));
  });
  router.get('/api/v1/calls/:id', auth, async (req, res) => {
    res.json(await getCall(deps, getAuth(res).tenantId, String(req.params.id)));
  });
  router.get('/api/v1/calls/:id/recording', auth, requireFeature(deps, 'call_recording'), async (req, res) => {
    const id = String(req.params.id);
    const recording = await openCallRecording(deps, getAuth(res).tenantId, id);
    res.set({ 'Content-Type': 'audio/mpeg', 'Cache-Control': 'private, no-store', 'Content-Disposition': `inline; filename="call-${id.replace(/[^A-Za-z0-9_-]/g, '')}.mp3"` });
    if (recording.contentLength) res.set('Content-Length', recording.contentLength);
    // Headers are sent: a failure from here on can only cut the stream short (the client sees a short body).
    await pipeline(Readable.fromWeb(recording.body), res).catch((err: unknown) => {
      deps.logger.warn('call recording stream cut short', { callId: id, error: err instanceof Error ? err.message : String(err) });
    });
  });
}
