/** A dependency nothing could provide; the message says what was tried and how to fix it. */
export class ResolveError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(`${message}. Fix: ${fix}`);
    this.name = 'ResolveError';
  }
}
