import type { NextFunction, Request, Response } from 'express';
import twilio from 'twilio';
import { AppError, type Logger } from '@vocalia/service-kit';
import { publicUrlsOf } from './public-url';

export interface SignatureOptions {
  authToken: string;
  publicBaseUrl: string;
  logger: Logger;
}

/**
 * Every Twilio webhook carries `X-Twilio-Signature` over the public URL and the form parameters.
 * Missing or wrong: 403 before anything runs, so a forged request never answers or changes a call.
 */
export function verifyTwilioSignature(opts: SignatureOptions) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const signature = req.get('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, string>;
    const valid = signature !== undefined && publicUrlsOf(req, opts.publicBaseUrl).some((url) => twilio.validateRequest(opts.authToken, signature, url, params));
    if (valid) return next();
    opts.logger.warn('twilio webhook refused: bad or missing signature', { path: req.path, signed: signature !== undefined });
    next(new AppError('FORBIDDEN', 'The X-Twilio-Signature header is missing or does not match this request.'));
  };
}
