import { currentContext } from './context';
import type { Logger } from './logger';
import { sendProblem } from './problem';

type Kind = 'uncaughtException' | 'unhandledRejection';

/**
 * No single request may take the process down: an uncaught exception or unhandled rejection is
 * logged (with the request id when the failing code ran in a request's context), that request is
 * answered 500 (its connection cut when the answer had already started), and the service keeps serving.
 */
export function installLastResort(logger: Logger): void {
  const onCrash = (kind: Kind) => (err: unknown) => {
    const res = currentContext()?.response;
    logger.error('uncaught error, service keeps serving', { kind, err, path: res?.req.path });
    if (!res || res.writableEnded) return;
    try {
      if (res.headersSent) res.destroy();
      else sendProblem(res, { status: 500, code: 'INTERNAL', detail: `Internal error (request ${String(res.locals.requestId)})`, instance: res.req.originalUrl });
    } catch (answerErr) {
      logger.error('could not answer the failed request', { err: answerErr });
    }
  };
  process.on('uncaughtException', onCrash('uncaughtException'));
  process.on('unhandledRejection', onCrash('unhandledRejection'));
}
