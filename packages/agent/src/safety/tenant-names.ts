import { foldText, wordTokens } from '../text/fold';

export interface KnownTenant {
  id: string;
  name: string;
  /** Folded word tokens of the name. */
  tokens: string[];
}

/** Names of 4 letters or fewer ("Spa", "Zen") are ordinary words more often than names. */
const MIN_NAME_CHARS = 5;

/**
 * The tenants this engine has served (most recent `capacity`), so that a reply to one tenant's
 * visitor naming another can be stopped. It holds names only, never data.
 */
export class TenantNames {
  private readonly byId = new Map<string, KnownTenant>();

  constructor(private readonly capacity = 2000) {}

  remember(id: string, name: string): void {
    const known = this.byId.get(id);
    if (known?.name === name) {
      this.byId.delete(id);
      this.byId.set(id, known);
      return;
    }
    this.byId.delete(id);
    const tokens = wordTokens(foldText(name));
    this.byId.set(id, { id, name, tokens });
    if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value!);
  }

  /** Every known tenant but `tenantId`, with a name long enough to tell apart from ordinary words. */
  others(tenantId: string): KnownTenant[] {
    return [...this.byId.values()].filter((t) => t.id !== tenantId && t.tokens.join('').length >= MIN_NAME_CHARS);
  }
}
