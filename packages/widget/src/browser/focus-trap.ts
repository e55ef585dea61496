const FOCUSABLE = 'button:not([disabled]),a[href],input:not([disabled]),select:not([disabled]),[tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((node) => !node.closest('[hidden]') && node.getClientRects().length > 0);
}

/**
 * Keyboard behaviour of the open dialog: Tab and Shift+Tab cycle inside it, Escape closes it.
 * Pointer users can still use the page behind; only keyboard focus is kept in the panel.
 */
export function installFocusTrap(panel: HTMLElement, shadow: ShadowRoot, onEscape: () => void): void {
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(panel);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = shadow.activeElement;
    if (event.shiftKey && (active === first || !panel.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });
}
