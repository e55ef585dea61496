import { useRef } from 'preact/hooks';

/** A fresh Idempotency-Key (getRandomValues, which unlike randomUUID also works outside a secure context). */
const newIdempotencyKey = () => `dash_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * Idempotency-Keys for the component's create and send buttons, one per intended action: `action`
 * names the request and its body, so the same action sent again after a lost answer reuses its
 * key and db-api runs it once, while a changed form (another body, which db-api would refuse
 * under the old key) gets a new one. The key is dropped once the action succeeded: the next
 * click is a new action.
 */
export function useIdempotencyKeys() {
  const keys = useRef(new Map<string, string>());
  return async function once<T>(action: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T> {
    const name = JSON.stringify(action);
    const idempotencyKey = keys.current.get(name) ?? newIdempotencyKey();
    keys.current.set(name, idempotencyKey);
    const answer = await send(idempotencyKey);
    keys.current.delete(name);
    return answer;
  };
}
