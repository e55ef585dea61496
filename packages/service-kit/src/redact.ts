const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie|signature/i;
const PHONE = /\+\d[\d\s().-]{6,}\d|\b0\d(?:[ .-]?\d{2}){4}\b/g;
const BEARER = /\b(vk_[0-9a-f]{8})[0-9a-f]+|\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g;

/** Keep the last 2 digits of a phone number, enough to tell two callers apart in a log. */
export function maskPhone(text: string): string {
  return text.replace(PHONE, (m) => `***${m.replace(/\D/g, '').slice(-2)}`);
}

/** A phone number needs digits, a key or token its marker: most log strings have neither and are kept as they are. */
const MAY_HOLD_SECRET = /\d|vk_|Bearer/;

function redactString(value: string): string {
  if (!MAY_HOLD_SECRET.test(value)) return value;
  return maskPhone(value.replace(BEARER, (_m, key?: string, bearer?: string) => (key ? `${key}…` : `${bearer}[redacted]`)));
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A deep copy of a log payload with secrets removed and phone numbers masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    // The stack's first line repeats the message, and a cause can hold the secret the message left out.
    const out: Record<string, unknown> = { name: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
    if (value.cause !== undefined) out.cause = redact(value.cause, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}
