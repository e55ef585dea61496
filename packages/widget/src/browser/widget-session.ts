import type { RespondRequest, RespondResponse, WidgetConfigResponse } from '@vocalia/contracts';
import { fetchWidgetConfig, type ApiTarget } from './api-client';
import { ApiError } from './api-error';
import { newIdempotencyKey, postRespond, type RespondOptions } from './respond-client';

const REFRESH_MARGIN_MS = 30_000;
/** What a replica that went away mid-request (or a dropped connection) looks like: worth one retry. */
const TRANSIENT_STATUSES = [502, 503, 504];
const RETRY_AFTER_MS = 600;
/**
 * A 409: an earlier attempt with the key is still being answered; asked again, the server sends its
 * answer once done. Twenty seconds outlast the 15 s a replica that died mid-turn leaves the key held:
 * the next ask then runs the turn.
 */
const CONFLICT_WAIT_MS = 1_000;
const MAX_CONFLICT_WAITS = 20;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tenant's /config and its short-lived widget token, fetched again shortly before it expires or after a 401. */
export class WidgetSession {
  constructor(
    readonly target: ApiTarget,
    public config: WidgetConfigResponse,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<unknown> = pause,
  ) {}

  async token(): Promise<string> {
    const expiresAt = Date.parse(this.config.session.expiresAt);
    if (!Number.isFinite(expiresAt) || expiresAt - this.now() < REFRESH_MARGIN_MS) await this.refresh();
    return this.config.session.token;
  }

  async refresh(): Promise<void> {
    this.config = await fetchWidgetConfig(this.target);
  }

  /**
   * POST /respond with one retry: after a 401 with a fresh token; after a dropped connection or a 502-504
   * (nothing streamed yet) a moment later. Every attempt carries the same Idempotency-Key (a new one
   * unless given), so a message the server did answer is never answered twice; while an earlier attempt
   * is still being answered (409) the widget waits for its answer, up to twenty seconds.
   */
  async respond(request: RespondRequest, opts: Omit<RespondOptions, 'apiBase' | 'token' | 'fetch' | 'idempotencyKey'>, idempotencyKey = newIdempotencyKey()): Promise<RespondResponse> {
    let streamed = false;
    const onToken =
      opts.onToken &&
      ((text: string) => {
        streamed = true;
        opts.onToken?.(text);
      });
    const call = async () => postRespond(request, { ...opts, onToken, idempotencyKey, apiBase: this.target.apiBase, fetch: this.target.fetch, token: await this.token() });
    let retried = false;
    for (let conflicts = 0; ; ) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 409 && conflicts < MAX_CONFLICT_WAITS) {
          conflicts++;
          await this.wait(CONFLICT_WAIT_MS);
          continue;
        }
        if (retried) throw err;
        retried = true;
        if (err.status === 401) await this.refresh();
        else if (streamed || !(err.code === 'NETWORK' || TRANSIENT_STATUSES.includes(err.status))) throw err;
        else await this.wait(RETRY_AFTER_MS);
      }
    }
  }
}
