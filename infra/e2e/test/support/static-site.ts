import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticSite {
  /** `http://127.0.0.1:<port>`: another origin than the edge's, as a customer's site is. */
  origin: string;
  /** Pages by path; may be filled after start (the origin must be known to allow it first). */
  pages: Record<string, string>;
  close(): Promise<void>;
}

/** A customer's website: plain HTML pages on an origin of their own. */
export async function startStaticSite(): Promise<StaticSite> {
  const pages: Record<string, string> = {};
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://site').pathname];
    if (page === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A small shop page in `lang`, with the integrator's embed code pasted just before </body>. */
export function customerPage(lang: string, title: string, body: string, snippet: string): string {
  const dir = lang === 'ar' || lang === 'ary' ? ' dir="rtl"' : '';
  return `<!doctype html><html lang="${lang}"${dir}><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:Georgia,serif;margin:0;padding:40px;background:#f6f3ee;color:#222}h1{font-size:28px}</style></head>
<body>${body}
${snippet}
</body></html>`;
}
