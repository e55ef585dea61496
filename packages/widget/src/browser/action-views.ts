import type { BookingRequest, Product, RespondAction } from '@vocalia/contracts';
import { el, safeHttpUrl } from './create-element';
import { isRtlLanguage, speechLocale, type WidgetLanguage } from './language';
import type { UiStrings } from './strings';

export interface ActionContext {
  strings: UiStrings;
  language: WidgetLanguage;
  /** Sends a message as if the visitor typed it (accepting a hand-off offered). */
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/**
 * The requested slot as the visitor reads it in `language` ("samedi 5 décembre à 20:00"), from the
 * engine's ISO date and 24-hour time; a date or time said in free text is shown as it was said.
 */
function formatSlot(date: string | undefined, time: string | undefined, language: WidgetLanguage): string | undefined {
  const day = ISO_DATE.exec(date ?? '');
  const clock = CLOCK_TIME.exec(time ?? '');
  if (!day) return [date, time].filter(Boolean).join(' ') || undefined;
  const [, year, month, dayOfMonth] = day.map(Number) as [number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, dayOfMonth, clock ? Number(clock[1]) : 0, clock ? Number(clock[2]) : 0));
  const hour = clock ? ({ hour: 'numeric', minute: '2-digit' } as const) : {};
  const formatted = new Intl.DateTimeFormat(`${speechLocale(language)}-u-ca-gregory-nu-latn`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', ...hour }).format(at);
  return clock || !time ? formatted : `${formatted} ${time}`;
}

/**
 * The recap of a booking request the agent has just recorded and sent to the business (which confirms
 * it): nothing to click, as sending it again would record a second request.
 */
function bookingCard(booking: BookingRequest, ctx: ActionContext): HTMLElement {
  const facts = [booking.service, formatSlot(booking.date, booking.time, ctx.language), booking.name, booking.note, booking.phone, booking.email].filter((fact): fact is string => !!fact);
  return el('div', { class: 'booking' }, [
    el('strong', {}, [ctx.strings.bookingSent]),
    el('ul', { class: 'details' }, facts.map((fact) => el('li', { dir: 'auto' }, [fact]))),
  ]);
}

/**
 * A tel: link when the business has a number; otherwise a button to accept a hand-off only offered.
 * A hand-off already made gets neither: asking again would only repeat it.
 */
function handoffButton(handoff: Extract<RespondAction, { type: 'handoff' }>, ctx: ActionContext): HTMLElement | undefined {
  const number = (handoff.transferNumber ?? '').replace(/[^\d+]/g, '');
  if (number.length >= 4) {
    const [before, after] = ctx.strings.handoffCall.split('{number}');
    return el('a', { class: 'btn primary', href: `tel:${number}` }, [before, el('span', { dir: 'ltr' }, [handoff.transferNumber ?? number]), after]);
  }
  if (!handoff.offer) return undefined;
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
    const handoff = action.type === 'handoff' ? handoffButton(action, ctx) : undefined;
    if (handoff) nodes.push(el('div', { class: 'actions' }, [handoff]));
  }
  return nodes;
}
