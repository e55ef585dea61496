/** Thrown (as the abort reason) when a model call makes no progress within its time budget. */
export class ProviderTimeoutError extends Error {
  constructor(readonly provider: string, readonly ms: number) {
    super(`${provider} made no progress for ${ms} ms`);
    this.name = 'ProviderTimeoutError';
  }
}

/**
 * An AbortSignal for one model call: aborted when nothing arrives for `idleMs` (reset by `touch`,
 * so a steady stream may run longer), after `totalMs` in any case, or when the caller aborts.
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private idle: NodeJS.Timeout | undefined;
  private readonly total: NodeJS.Timeout;
  private readonly onParentAbort = (): void => this.controller.abort(this.parent?.reason);

  constructor(
    private readonly provider: string,
    private readonly idleMs: number,
    totalMs: number,
    private readonly parent?: AbortSignal,
  ) {
    this.total = setTimeout(() => this.controller.abort(new ProviderTimeoutError(provider, totalMs)), totalMs);
    this.total.unref();
    this.touch();
    if (parent?.aborted) this.onParentAbort();
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.controller.abort(new ProviderTimeoutError(this.provider, this.idleMs)), this.idleMs);
    this.idle.unref();
  }

  /** The abort reason when the call was cut, to rethrow instead of the SDK's generic abort error. */
  throwIfAborted(): void {
    if (this.controller.signal.aborted) throw this.controller.signal.reason;
  }

  dispose(): void {
    clearTimeout(this.idle);
    clearTimeout(this.total);
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }
}
