/** The launcher's edge in its own process, standing for Traefik in front of one upstream port. */
import { serveUntilStopped } from './server-process';
import { startEdge } from './servers';

const upstreamPort = Number(process.argv[2]);
if (!Number.isInteger(upstreamPort) || upstreamPort <= 0) throw new Error('usage: edge-process.ts <upstream port>');
void startEdge(upstreamPort).then((edge) => serveUntilStopped({ url: edge.url }, edge.close));
