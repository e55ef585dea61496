/** The few things a browser does in a redirect-based sign-in: cookies per host, manual redirects, `Accept: text/html`. */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(url: URL, res: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    this.jar.set(url.host, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date()));
      if (expired) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const res = await fetch(target, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...(cookie ? { cookie } : {}), ...headers } });
    this.keep(target, res);
    return res;
  }

  /** Follows redirects from `url` until one points under `stopAt` (not requested) or a page answers; returns that URL or response. */
  async follow(url: string, stopAt: string): Promise<{ stoppedAt?: string; res?: Response }> {
    let current = url;
    for (let hops = 0; hops < 15; hops++) {
      const res = await this.get(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res };
      await res.arrayBuffer();
      current = new URL(location, current).toString();
      if (current.startsWith(stopAt)) return { stoppedAt: current };
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
