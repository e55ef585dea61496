import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { AppError, parseInput } from '@vocalia/service-kit';
import { verifyTwilioSignature, type SignatureOptions } from '../twilio/verify-signature';
import { DialResultParams, GatherParams, InboundCallParams, RecordingParams, StatusParams } from '../twilio/webhook-params';
import { LINE_LANGUAGE, type CallDeps } from './call-deps';
import { recordCallStatus, recordRecording } from './call-status';
import { answerInbound, answerOutbound } from './open-call';
import { PHRASES } from './phrases';
import { resumeStream } from './resume-stream';
import { takeTurn } from './take-turn';
import { afterTransfer, whisperSummary } from './transfer-results';
import { sayAndHangUp } from './twiml';

const WhisperQuery = z.object({ call: z.string().regex(/^CA[0-9a-zA-Z]{32}$/) });

const requestIdOf = (res: Response) => String(res.locals.requestId);

/**
 * A TwiML answer. The parameters were checked (400) before; a failure after that still answers the
 * caller with an apology instead of Twilio's generic error message.
 */
function twiml(deps: CallDeps, answer: (req: Request, res: Response) => Promise<string>) {
  return async (req: Request, res: Response) => {
    let body: string;
    try {
      body = await answer(req, res);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') throw err;
      deps.logger.error('call webhook failed: apologised and hung up', { path: req.path, error: err instanceof Error ? err.message : String(err) });
      body = sayAndHangUp(LINE_LANGUAGE, PHRASES[LINE_LANGUAGE].unavailable);
    }
    res.type('text/xml').send(body);
  };
}

/** Twilio's voice webhooks under `/voice/`: form bodies, each signed (403 otherwise). */
export function callRoutes(router: Router, deps: CallDeps, signature: Omit<SignatureOptions, 'logger'>): void {
  const voice = express.Router();
  voice.use(express.urlencoded({ extended: false, limit: '32kb' }));
  voice.use(verifyTwilioSignature({ ...signature, logger: deps.logger }));
  voice.post('/inbound', twiml(deps, (req, res) => answerInbound(deps, parseInput(InboundCallParams, req.body), requestIdOf(res))));
  voice.post('/outbound', twiml(deps, (req, res) => answerOutbound(deps, parseInput(InboundCallParams, req.body), requestIdOf(res))));
  voice.post('/stream-ended', twiml(deps, (req, res) => resumeStream(deps, parseInput(InboundCallParams, req.body), requestIdOf(res))));
  voice.post('/turn', twiml(deps, (req, res) => takeTurn(deps, parseInput(GatherParams, req.body), requestIdOf(res))));
  voice.post('/dial-result', twiml(deps, (req, res) => afterTransfer(deps, parseInput(DialResultParams, req.body), requestIdOf(res))));
  voice.post('/whisper', twiml(deps, (req) => whisperSummary(deps, parseInput(WhisperQuery, req.query, 'query').call)));
  voice.post('/status', async (req, res) => {
    await recordCallStatus(deps, parseInput(StatusParams, req.body), requestIdOf(res));
    res.status(204).end();
  });
  voice.post('/recording', async (req, res) => {
    await recordRecording(deps, parseInput(RecordingParams, req.body));
    res.status(204).end();
  });
  router.use('/voice', voice);
}
