/** For the benchmarks: the delivery side, as main.ts starts it. */
export { Env } from './env';
export { startDeliveries, type DeliveryOverrides, type RunningDeliveries } from './start-deliveries';
