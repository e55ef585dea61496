import type { Request } from 'express';

/** The caller's address as the trusted proxy saw it (express `trust proxy`). */
export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';
