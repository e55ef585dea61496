/** The bare express baseline in its own process. */
import { serveUntilStopped } from './server-process';
import { startBaseline, urlOf } from './servers';

void startBaseline().then((server) =>
  serveUntilStopped({ url: urlOf(server) }, async () => {
    await new Promise((r) => server.close(r));
    server.closeAllConnections();
  }),
);
