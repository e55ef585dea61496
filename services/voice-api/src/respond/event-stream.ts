import type { Request, Response } from 'express';
import type { Problem } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

export const wantsEventStream = (req: Request): boolean => (req.headers.accept ?? '').includes('text/event-stream');

export interface EventStream {
  send(event: 'token' | 'done' | 'error', data: unknown): void;
  end(): void;
}

/** Headers out at once (time to first byte), no proxy buffering, one `event:`/`data:` pair per message. */
export function openEventStream(res: Response): EventStream {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  return {
    send(event, data) {
      if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

/** The problem+json body of a failure that happens after the stream started (status already sent). */
export function streamProblem(err: unknown, res: Response, instance: string): Problem {
  const requestId = res.locals.requestId as string | undefined;
  const known = err instanceof AppError ? err : undefined;
  const code = known?.code ?? 'INTERNAL';
  return {
    type: `https://docs.vocalia.ai/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: known ? 'Answer failed' : 'Internal Server Error',
    status: known?.status ?? 500,
    code,
    detail: known ? known.message : `Internal error (request ${String(requestId)})`,
    instance,
    requestId,
  };
}
