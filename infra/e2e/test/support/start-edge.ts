import { createEdge, loadRouteTable, ROUTES_FILE, type RouteTable } from '@vocalia/launcher';

export interface RunningEdge {
  url: string;
  close(): Promise<void>;
}

/** THE route table (traefik/dynamic/routes.yml) with the given services' upstream ports replaced. */
export function routeTableWithPorts(ports: Record<string, number>): RouteTable {
  const real = loadRouteTable(ROUTES_FILE);
  const portOf = (service: string, fallback: number) => ports[service] ?? fallback;
  for (const service of Object.keys(ports)) {
    if (!real.services.some((s) => s.name === service)) throw new Error(`routes.yml has no service ${service}`);
  }
  return {
    routes: real.routes.map((r) => (r.action.kind === 'proxy' ? { ...r, action: { ...r.action, port: portOf(r.action.service, r.action.port) } } : r)),
    services: real.services.map((s) => ({ ...s, port: portOf(s.name, s.port) })),
  };
}

/** The local edge on a random 127.0.0.1 port, routing to the services at `ports`. */
export async function startEdge(ports: Record<string, number>): Promise<RunningEdge> {
  const edge = createEdge(routeTableWithPorts(ports));
  const port = await edge.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => edge.close(200) };
}
