/** `{ authorization: 'Bearer ...' }` for supertest's `.set()`, from a session or an API key. */
export function bearer(credential: { accessToken: string } | string): Record<string, string> {
  return { authorization: `Bearer ${typeof credential === 'string' ? credential : credential.accessToken}` };
}
