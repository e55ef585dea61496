import winston from 'winston';
import { currentContext } from './context';
import { isSecretKey, redact } from './redact';

export type Logger = winston.Logger;

const addContext = winston.format((info) => {
  const ctx = currentContext();
  if (ctx) {
    info.requestId ??= ctx.requestId;
    if (ctx.tenantId) info.tenantId ??= ctx.tenantId;
    if (ctx.callSid) info.callSid ??= ctx.callSid;
  }
  return info;
});

const redactSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'service' || key === 'timestamp') continue;
    (info as Record<string, unknown>)[key] = isSecretKey(key) ? '[redacted]' : redact(info[key]);
  }
  return info;
});

/** JSON lines on stdout: service, level, time, request and tenant ids, secrets redacted (stacks and causes too). `silent` for tests. */
export function createLogger(service: string, level = 'info'): Logger {
  return winston.createLogger({
    level: level === 'silent' ? 'error' : level,
    silent: level === 'silent',
    defaultMeta: { service },
    format: winston.format.combine(winston.format.errors({ stack: true, cause: true }), addContext(), redactSecrets(), winston.format.timestamp(), winston.format.json()),
    transports: [new winston.transports.Console()],
  });
}
