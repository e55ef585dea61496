import type { ComponentChildren } from 'preact';
import type { Feature } from '@vocalia/contracts';
import { t } from '../i18n';
import { api } from '../session/client';
import { useLoad } from './use-load';

/**
 * Renders `children` only when the tenant's plan has `feature`; otherwise says which plan has it and
 * links to the plan page, so no page calls an API its plan refuses.
 */
export function PlanGate({ feature, children }: { feature: Feature; children: ComponentChildren }) {
  const plan = useLoad(() => api.plans.current());
  const catalog = useLoad(() => api.plans.catalog());
  if (!plan.data) return <p role="status">{plan.error ?? t('loading')}</p>;
  if (plan.data.features.includes(feature)) return <>{children}</>;
  const upgrade = catalog.data?.plans.find((p) => p.features.includes(feature));
  return (
    <div class="notice" role="status" data-test="upgrade">
      <p>{t('upgradeNeeded')}</p>
      {upgrade && (
        <p>
          {t('plan')}{t('colon')} <strong>{upgrade.name}</strong> ({upgrade.priceEurMonthly} €)
        </p>
      )}
      <a class="button" href="#/billing">
        {t('navBilling')}
      </a>
    </div>
  );
}
