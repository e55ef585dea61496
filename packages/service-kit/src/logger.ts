import { stringify as safeStringify } from 'safe-stable-stringify';
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

/** Where winston's transports read the finished line (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');
const bigintAsString = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/**
 * The line as JSON: plain JSON.stringify, and safe-stable-stringify (what winston's json format uses,
 * reconfigured on every line there) only for what it refuses, a cycle or a BigInt.
 */
const jsonLine = winston.format((info) => {
  let line: string;
  try {
    line = JSON.stringify(info);
  } catch {
    line = safeStringify(info, bigintAsString) ?? '{}';
  }
  (info as unknown as Record<symbol, string>)[MESSAGE] = line;
  return info;
});

/** JSON lines on stdout: service, level, time, request and tenant ids, secrets redacted (stacks and causes too). `silent` for tests. */
export function createLogger(service: string, level = 'info'): Logger {
  return winston.createLogger({
    level: level === 'silent' ? 'error' : level,
    silent: level === 'silent',
    defaultMeta: { service },
    format: winston.format.combine(winston.format.errors({ stack: true, cause: true }), addContext(), redactSecrets(), winston.format.timestamp(), jsonLine()),
    transports: [new winston.transports.Console()],
  });
}
