import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** Copies `text` to the clipboard and says so (aria-live) for two seconds. */
export function CopyButton({ text, name }: { text: string; name?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <button type="button" class="secondary" name={name} onClick={() => void copy()} aria-live="polite">
      {done ? t('copied') : t('copy')}
    </button>
  );
}
