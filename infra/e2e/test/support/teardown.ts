export interface Stoppable {
  close(): Promise<void>;
}

const STAGES = ['edges', 'servers', 'services', 'storage'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * What was started, stopped in an order that never strands a request: edges first (no new
 * intake), then the services' HTTP servers, then their workers and connections, then Redis keys
 * and databases. Within a stage, the last started stops first.
 */
export class Teardown {
  private readonly stages = new Map<Stage, Stoppable[]>(STAGES.map((s) => [s, []]));

  add<T extends Stoppable>(stage: Stage, item: T): T {
    this.stages.get(stage)!.push(item);
    return item;
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const stage of STAGES) {
      for (const item of this.stages.get(stage)!.splice(0).reverse()) {
        await item.close().catch((err: unknown) => errors.push(err));
      }
    }
    if (errors.length) throw new AggregateError(errors, `teardown: ${errors.length} part(s) failed to stop`);
  }
}
