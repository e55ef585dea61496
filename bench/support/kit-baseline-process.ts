/** service-kit's app answering the fixed JSON, in its own process (see startKitBaseline). */
import { serveUntilStopped } from './server-process';
import { startKitBaseline, urlOf } from './servers';

void startKitBaseline().then((server) =>
  serveUntilStopped({ url: urlOf(server) }, async () => {
    await new Promise((r) => server.close(r));
    server.closeAllConnections();
  }),
);
