import { fetchSocialProof, type ApiTarget } from './api-client';
import { el } from './create-element';
import type { PanelView } from './panel-view';

const SHOW_AFTER_MS = 4_000;
const SHOW_FOR_MS = 7_000;

/** One recent activity line ("Marie booked a visit") beside the closed launcher, when the plan has social_proof. */
export async function showSocialProof(view: PanelView, target: ApiTarget, isOpen: () => boolean): Promise<void> {
  let items;
  try {
    items = (await fetchSocialProof(target)).items;
  } catch {
    return;
  }
  const latest = [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!latest) return;
  setTimeout(() => {
    if (isOpen()) return;
    const bubble = el('div', { class: 'proof', role: 'status', dir: 'auto' }, [latest.text]);
    bubble.addEventListener('click', () => bubble.remove());
    view.root.insertBefore(bubble, view.launcher);
    view.launcher.addEventListener('click', () => bubble.remove(), { once: true });
    setTimeout(() => bubble.remove(), SHOW_FOR_MS);
  }, SHOW_AFTER_MS);
}
