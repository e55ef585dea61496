export type ContextValues = Record<string, string | number | boolean>;

const MAX_KEYS = 20;

/**
 * What `setContext` may send in RespondRequest.context: strings (cut to 500), finite numbers and
 * booleans; `null`/`undefined` remove a key; anything else is dropped.
 */
export function mergeContext(current: ContextValues, update: unknown): ContextValues {
  if (typeof update !== 'object' || update === null) return current;
  const next: ContextValues = { ...current };
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(key) || key === 'channel') continue;
    if (value === null || value === undefined) delete next[key];
    else if (typeof value === 'string') next[key] = value.slice(0, 500);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) next[key] = value;
  }
  return Object.fromEntries(Object.entries(next).slice(0, MAX_KEYS));
}
