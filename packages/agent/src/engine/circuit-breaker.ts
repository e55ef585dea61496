export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** Time an open circuit waits before letting one trial call through. */
  cooldownMs: number;
  now: () => number;
}

/**
 * Per-provider circuit breaker: closed -> open after N consecutive failures -> half-open after the
 * cooldown (one trial call at a time) -> closed on success, open again on failure.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.options.now() - this.openedAt >= this.options.cooldownMs ? 'half_open' : 'open';
  }

  /** True when a call may go through now; a half-open circuit admits a single trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failure(): void {
    if (this.trialInFlight || this.openedAt !== undefined) {
      this.trialInFlight = false;
      this.openedAt = this.options.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.options.now();
  }

  /** The call ended without a verdict (the caller went away): free the trial slot, count nothing. */
  release(): void {
    this.trialInFlight = false;
  }
}
