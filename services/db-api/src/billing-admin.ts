import { createLogger, runMain } from '@vocalia/service-kit';
import { operatorSetPlan } from './billing/operator-set-plan';
import { setupStripePrices } from './billing/stripe-prices';
import { buildDeps } from './build-deps';
import { loadServiceEnv } from './env';

const USAGE = 'usage: billing-admin set-plan <tenantId> <plan> | billing-admin stripe-setup-prices\n';

/** The operator's billing commands, run with db-api's environment: `pnpm --filter @vocalia/db-api billing-admin ...`. */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const env = loadServiceEnv();
  const { deps, closers } = buildDeps(env, createLogger('db-api', env.LOG_LEVEL));
  try {
    if (command === 'set-plan' && args.length === 2) {
      const done = await operatorSetPlan(deps, args[0]!, args[1]!);
      process.stdout.write(`tenant ${args[0]}: plan ${done.plan}, status ${done.status}\n`);
    } else if (command === 'stripe-setup-prices' && args.length === 0) {
      if (!deps.stripe) throw new Error('STRIPE_SECRET_KEY is not set');
      const done = await setupStripePrices(deps.stripe, { telephony: env.STRIPE_METER_EVENT_NAME, overage: env.STRIPE_OVERAGE_METER_EVENT_NAME });
      for (const [item, what] of Object.entries(done)) process.stdout.write(`${item}: ${what}\n`);
    } else {
      process.stderr.write(USAGE);
      process.exitCode = 2;
    }
  } finally {
    for (const closer of closers) await closer.close();
  }
}

runMain('billing-admin', main);
