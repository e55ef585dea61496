import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

/** A local server speaking the OpenAI realtime protocol's server side, driven by the test. */
export class FakeRealtime {
  readonly received: Record<string, unknown>[] = [];
  readonly authorizations: (string | undefined)[] = [];
  /** Every connection the bridge opened, oldest first. */
  readonly connections: WebSocket[] = [];
  private wss: WebSocketServer | undefined;

  get url(): string {
    return `ws://127.0.0.1:${(this.wss?.address() as AddressInfo).port}/v1/realtime`;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => this.wss?.once('listening', () => resolve()));
    this.wss.on('connection', (socket, req) => {
      this.connections.push(socket);
      this.authorizations.push(req.headers.authorization);
      socket.on('message', (raw) => this.received.push(JSON.parse(raw.toString()) as Record<string, unknown>));
    });
    return this;
  }

  of(type: string): Record<string, unknown>[] {
    return this.received.filter((m) => m.type === type);
  }

  /** To the newest connection. */
  send(event: Record<string, unknown>): void {
    this.connections.at(-1)?.send(JSON.stringify(event));
  }

  stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    return new Promise((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}
