import { FEATURES, PLAN_IDS, PLANS, Plan, TELEPHONY_EUR_PER_MINUTE, cheapestPlanWith, isRtl, planHasFeature, queues, QUEUE_NAMES } from '../src';

describe('plans and features', () => {
  it('when the catalogue is read, then prices and rate limits are the published ones', () => {
    const table = PLAN_IDS.map((id) => [id, PLANS[id].priceEurMonthly, PLANS[id].rateLimitPerMinute]);
    expect(table).toEqual([
      ['starter', 49, 20],
      ['pro', 99, 60],
      ['ecommerce', 99, 60],
      ['expert_clone', 149, 120],
      ['telephony', 199, 120],
    ]);
    expect(TELEPHONY_EUR_PER_MINUTE).toBe(0.24);
    for (const id of PLAN_IDS) expect(Plan.parse(PLANS[id])).toEqual(PLANS[id]);
  });

  it('when features are counted, then there are 23 and every one is granted by some plan', () => {
    expect(FEATURES).toHaveLength(23);
    for (const f of FEATURES) expect(PLAN_IDS.some((p) => planHasFeature(p, f))).toBe(true);
  });

  it('when telephony is asked for, then only the telephony plan has it', () => {
    expect(PLAN_IDS.filter((p) => planHasFeature(p, 'telephony'))).toEqual(['telephony']);
    expect(cheapestPlanWith('telephony')).toBe('telephony');
    expect(cheapestPlanWith('cart_recovery')).toBe('ecommerce');
    expect(cheapestPlanWith('voice_cloning')).toBe('expert_clone');
  });

  it('when the telephony plan is read, then it includes every feature', () => {
    expect([...PLANS.telephony.features].sort()).toEqual([...FEATURES].sort());
  });

  it('when the control-plane features are asked for, then Starter has neither API keys nor webhooks and Pro has both', () => {
    for (const f of ['api_access', 'webhooks'] as const) {
      expect(planHasFeature('starter', f)).toBe(false);
      expect(cheapestPlanWith(f)).toBe('pro');
    }
    expect(PLAN_IDS.filter((p) => planHasFeature(p, 'analytics'))).toEqual([...PLAN_IDS]);
  });

  it('when quotas are compared, then no plan above Starter grants less, and only Starter stops hard at its conversation quota', () => {
    for (const id of PLAN_IDS) {
      for (const [quota, value] of Object.entries(PLANS[id].quotas)) expect([id, quota, value >= PLANS.starter.quotas[quota as keyof Plan['quotas']]]).toEqual([id, quota, true]);
    }
    expect(PLAN_IDS.filter((id) => PLANS[id].conversationOverageEur === null)).toEqual(['starter']);
    expect(PLANS.telephony.trialCreditCents).toBeGreaterThan(PLANS.starter.trialCreditCents);
  });

  it('when a language is Arabic or Darija, then it is right-to-left', () => {
    expect(['fr', 'en', 'es', 'ar', 'ary'].filter((l) => isRtl(l as never))).toEqual(['ar', 'ary']);
  });

  it('when a queue job lacks its tenant or ids, then its schema refuses it', () => {
    for (const name of QUEUE_NAMES) {
      expect(queues[name].schema.safeParse({ v: 1 }).success).toBe(false);
    }
  });
});
