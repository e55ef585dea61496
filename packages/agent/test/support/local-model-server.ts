import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port; resolves with the OpenAI-style base URL (`.../v1`) the SDKs take. */
export async function listenLocally(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

/** Closes the server, kept-alive sockets included, so a test file never waits on them. */
export async function closeLocally(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The raw JSON body of a `POST /v1/chat/completions`; any other request is answered 404 and gives undefined. */
export async function readChatCompletionBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<string | undefined> {
  let raw = '';
  for await (const part of req) raw += String(part);
  if (req.method === 'POST' && req.url === '/v1/chat/completions') return raw;
  res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
  return undefined;
}
