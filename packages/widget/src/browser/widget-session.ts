import type { RespondRequest, RespondResponse, WidgetConfigResponse } from '@vocalia/contracts';
import { fetchWidgetConfig, type ApiTarget } from './api-client';
import { ApiError } from './api-error';
import { postRespond, type RespondOptions } from './respond-client';

const REFRESH_MARGIN_MS = 30_000;

/** The tenant's /config and its short-lived widget token, fetched again shortly before it expires or after a 401. */
export class WidgetSession {
  constructor(
    readonly target: ApiTarget,
    public config: WidgetConfigResponse,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    const expiresAt = Date.parse(this.config.session.expiresAt);
    if (!Number.isFinite(expiresAt) || expiresAt - this.now() < REFRESH_MARGIN_MS) await this.refresh();
    return this.config.session.token;
  }

  async refresh(): Promise<void> {
    this.config = await fetchWidgetConfig(this.target);
  }

  async respond(request: RespondRequest, opts: Omit<RespondOptions, 'apiBase' | 'token' | 'fetch'>): Promise<RespondResponse> {
    const call = async () => postRespond(request, { ...opts, apiBase: this.target.apiBase, fetch: this.target.fetch, token: await this.token() });
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      await this.refresh();
      return call();
    }
  }
}
