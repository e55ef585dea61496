import type { QueueName } from '@vocalia/contracts';
import { createProducer, createRedis, type Producer } from '@vocalia/service-kit';
import type { TestApp } from './start-test-app';

export interface QueueProducers {
  /** A producer on the test app's queue prefix (or `prefix`), as the service that sends those jobs to db-api has. */
  producer<Q extends QueueName>(queue: Q, prefix?: string): Producer<Q>;
  /** Closes every producer made, then their Redis connection. */
  close(): Promise<void>;
}

/** The other services' side of db-api's queues in a test: producers sharing one Redis connection of their own. */
export function queueProducers(t: TestApp): QueueProducers {
  const connection = createRedis(t.deps.env.REDIS_URL, 'worker');
  const made: { close(): Promise<void> }[] = [];
  return {
    producer(queue, prefix = t.deps.queuePrefix) {
      const producer = createProducer(queue, { connection, prefix });
      made.push(producer);
      return producer;
    },
    async close() {
      await Promise.all(made.map((p) => p.close()));
      await connection.quit();
    },
  };
}
