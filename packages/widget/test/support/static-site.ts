import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

const BAG_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 150 96"><rect width="150" height="96" fill="#fde68a"/><path d="M45 35h60l-6 45H51z" fill="#b45309"/><path d="M60 35a15 15 0 0 1 30 0" fill="none" stroke="#78350f" stroke-width="4"/></svg>';

/** A customer's site on its own origin: the pages given (path -> HTML) plus a product image. */
export async function startStaticSite(pages: Record<string, string>): Promise<StaticSite> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    if (path === '/img/bag.svg') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      return res.end(BAG_SVG);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function page(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:Georgia,serif;margin:0;padding:40px;background:#faf7f2;color:#222}h1{font-size:28px}</style></head>
<body>${body}</body></html>`;
}
