import type { PhoneNumberList } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { toPhoneNumberView } from './phone-number-view';

export async function listPhoneNumbers(deps: Deps, tenantId: string): Promise<PhoneNumberList> {
  const rows = await deps.prisma.phoneNumber.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return { items: rows.map(toPhoneNumberView) };
}
