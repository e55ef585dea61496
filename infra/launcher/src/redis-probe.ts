import { Socket } from 'node:net';

function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Whether the text holds one whole RESP reply (simple, error, integer, or an array of bulk strings). */
function complete(text: string): boolean {
  const lines = text.split('\r\n');
  const head = lines[0] ?? '';
  if (!text.includes('\r\n')) return false;
  if (head[0] !== '*') return true;
  const count = Number(head.slice(1));
  return count <= 0 || lines.length - 1 >= 1 + 2 * count;
}

/**
 * Send one command over a bare TCP connection and return the raw reply, or undefined when nothing
 * answers within the timeout. Enough to tell whether a Redis server is there; no client library.
 */
export function redisCommand(host: string, port: number, args: string[], timeoutMs = 1000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let reply = '';
    const done = (value: string | undefined) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once('error', () => done(undefined));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (complete(reply)) done(reply);
    });
    socket.connect(port, host, () => socket.write(encode(args)));
  });
}

export type PingResult = 'pong' | 'auth-required' | 'silent';

export async function pingRedis(host: string, port: number, timeoutMs = 1000): Promise<PingResult> {
  const reply = await redisCommand(host, port, ['PING'], timeoutMs);
  if (reply === undefined) return 'silent';
  if (reply.startsWith('+PONG')) return 'pong';
  return reply.startsWith('-NOAUTH') ? 'auth-required' : 'silent';
}

/** The server's eviction policy, when it tells (queues need `noeviction`). */
export async function evictionPolicy(host: string, port: number): Promise<string | undefined> {
  const reply = await redisCommand(host, port, ['CONFIG', 'GET', 'maxmemory-policy']);
  const lines = reply?.split('\r\n') ?? [];
  return reply?.startsWith('*2') ? lines[4] : undefined;
}
