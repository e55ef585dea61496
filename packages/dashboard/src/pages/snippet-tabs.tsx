import { useState } from 'preact/hooks';
import type { WidgetSnippetResponse } from '@vocalia/contracts';
import { t, type MessageKey } from '../i18n';
import { CopyButton } from '../ui/copy-button';

type SnippetKey = keyof WidgetSnippetResponse['snippets'];
const TABS: { key: SnippetKey; label: MessageKey }[] = [
  { key: 'html', label: 'tabHtml' },
  { key: 'htmlPinned', label: 'tabPinned' },
  { key: 'wordpress', label: 'tabWordpress' },
  { key: 'shopify', label: 'tabShopify' },
  { key: 'wix', label: 'tabWix' },
  { key: 'react', label: 'tabReact' },
];

/** The embed code per platform (from GET /api/v1/widget/snippet), as ARIA tabs with arrow-key navigation. */
export function SnippetTabs({ snippet }: { snippet: WidgetSnippetResponse }) {
  const [active, setActive] = useState<SnippetKey>('html');
  const onKey = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const rtl = document.documentElement.dir === 'rtl' ? -1 : 1;
    const next = TABS[(index + step * rtl + TABS.length) % TABS.length] as (typeof TABS)[number];
    setActive(next.key);
    document.getElementById(`tab-${next.key}`)?.focus();
  };
  const current = snippet.snippets[active];
  return (
    <section class="snippet">
      <h2>{t('snippet')}</h2>
      <div role="tablist" aria-label={t('snippet')} class="tabs">
        {TABS.map((tab, i) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={active === tab.key}
            aria-controls="snippet-panel"
            tabIndex={active === tab.key ? 0 : -1}
            onClick={() => setActive(tab.key)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="snippet-panel" aria-labelledby={`tab-${active}`} class="tabpanel">
        <p>{current.instructions}</p>
        <pre dir="ltr" data-test={`snippet-${active}`}>
          <code>{current.code}</code>
        </pre>
        <CopyButton text={current.code} name={`copy-${active}`} />
      </div>
    </section>
  );
}
