import { randomBytes } from 'node:crypto';
import type { PlanId } from '@vocalia/contracts';
import { createVocaliaClient } from '@vocalia/sdk';
import type { Page } from 'playwright-core';
import { PASSWORD } from './integrator';

/** A business registered through the SDK behind the edge at `edgeUrl`, on `plan`: its owner's email, the owner's client, the session. */
export async function registerOwner(edgeUrl: string, plan: PlanId, company: string) {
  const email = `owner.${randomBytes(5).toString('hex')}@${plan}.dashboard.example`;
  const client = createVocaliaClient({ baseUrl: edgeUrl });
  const session = await client.auth.register({ email, password: PASSWORD, company });
  await client.plans.change(plan);
  return { email, client, session };
}

/** The owner signs in on the dashboard behind `edgeUrl` and lands on `next`. */
export async function signInToDashboard(page: Page, edgeUrl: string, email: string, next: string): Promise<void> {
  await page.goto(`${edgeUrl}/app/#/sign-in?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
}
