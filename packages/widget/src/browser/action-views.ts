import type { BookingRequest, Product, RespondAction } from '@vocalia/contracts';
import { el, safeHttpUrl } from './create-element';
import { isRtlLanguage, speechLocale, type WidgetLanguage } from './language';
import type { UiStrings } from './strings';

export interface ActionContext {
  strings: UiStrings;
  language: WidgetLanguage;
  /** Sends a message as if the visitor typed it (booking confirmation, hand-off request). */
  send: (text: string) => void;
}

export function formatPrice(price: number, currency: string, language: WidgetLanguage): string {
  const locale = isRtlLanguage(language) ? `${speechLocale(language)}-u-nu-latn` : speechLocale(language);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price);
  } catch {
    return `${price} ${currency}`;
  }
}

function productCard(product: Product, ctx: ActionContext): HTMLElement {
  const image = safeHttpUrl(product.imageUrl);
  const link = safeHttpUrl(product.url);
  const stock = product.inStock ? ctx.strings.inStock : ctx.strings.outOfStock;
  return el('article', { class: 'card' }, [
    image && el('img', { src: image, alt: product.name, loading: 'lazy', referrerpolicy: 'no-referrer' }),
    el('div', { class: 'card-body' }, [
      el('span', { class: 'card-name', dir: 'auto' }, [product.name]),
      el('span', { class: 'card-price' }, [formatPrice(product.price, product.currency, ctx.language)]),
      el('span', { class: product.inStock ? 'stock' : 'stock out' }, [stock]),
      link && el('a', { class: 'btn', href: link, target: '_blank', rel: 'noopener noreferrer' }, [ctx.strings.viewProduct]),
    ]),
  ]);
}

function bookingCard(booking: BookingRequest, ctx: ActionContext): HTMLElement {
  const facts = [booking.service, [booking.date, booking.time].filter(Boolean).join(' '), booking.name].filter((fact): fact is string => !!fact);
  const confirm = el('button', { type: 'button', class: 'btn primary' }, [ctx.strings.bookingConfirm]);
  confirm.addEventListener('click', () => ctx.send(ctx.strings.bookingConfirmMessage));
  return el('div', { class: 'booking' }, [
    el('strong', {}, [ctx.strings.booking]),
    el('ul', { class: 'details' }, facts.map((fact) => el('li', { dir: 'auto' }, [fact]))),
    el('div', { class: 'actions' }, [confirm]),
  ]);
}

function handoffButton(transferNumber: string | undefined, ctx: ActionContext): HTMLElement {
  const number = (transferNumber ?? '').replace(/[^\d+]/g, '');
  if (number.length >= 4) {
    const [before, after] = ctx.strings.handoffCall.split('{number}');
    return el('a', { class: 'btn primary', href: `tel:${number}` }, [before, el('span', { dir: 'ltr' }, [transferNumber ?? number]), after]);
  }
  const button = el('button', { type: 'button', class: 'btn' }, [ctx.strings.handoffRequest]);
  button.addEventListener('click', () => ctx.send(ctx.strings.handoffMessage));
  return button;
}

/** The buttons and cards an answer carries, built with text nodes only. */
export function actionsElement(actions: readonly RespondAction[], ctx: ActionContext): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  for (const action of actions) {
    if (action.type === 'products' && Array.isArray(action.products) && action.products.length > 0) {
      nodes.push(el('div', { class: 'cards' }, action.products.slice(0, 10).map((product) => productCard(product, ctx))));
    }
    if (action.type === 'booking' && action.booking) nodes.push(bookingCard(action.booking, ctx));
    if (action.type === 'handoff') nodes.push(el('div', { class: 'actions' }, [handoffButton(action.transferNumber, ctx)]));
  }
  return nodes;
}
