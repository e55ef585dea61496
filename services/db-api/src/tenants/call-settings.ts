import { CallingHours, planHasFeature, type TenantCallSettings } from '@vocalia/contracts';
import type { Tenant } from '@vocalia/db';

type CallSettingsColumns = Pick<Tenant, 'plan' | 'recordCalls' | 'maxCallSeconds' | 'transferDigit' | 'smsSummary' | 'maxConcurrentCalls' | 'outboundCallsPerMinute' | 'callingHours'>;

const DEFAULT_CALLING_HOURS: CallingHours = { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' };

/** The stored settings as the tenant API shows them (recordCalls as switched on, whatever the plan). */
export function toTenantCallSettings(tenant: CallSettingsColumns): TenantCallSettings {
  return {
    recordCalls: tenant.recordCalls,
    maxCallSeconds: tenant.maxCallSeconds,
    transferDigit: tenant.transferDigit,
    smsSummary: tenant.smsSummary,
    maxConcurrentCalls: tenant.maxConcurrentCalls,
    outboundCallsPerMinute: tenant.outboundCallsPerMinute,
    callingHours: CallingHours.catch(DEFAULT_CALLING_HOURS).parse(tenant.callingHours),
  };
}

/** What a call actually does: recording needs the plan's `call_recording` as well as the switch. */
export function effectiveCallSettings(tenant: CallSettingsColumns): TenantCallSettings {
  const settings = toTenantCallSettings(tenant);
  return { ...settings, recordCalls: settings.recordCalls && planHasFeature(tenant.plan, 'call_recording') };
}
