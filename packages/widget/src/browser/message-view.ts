import { actionsElement, type ActionContext } from './action-views';
import { el } from './create-element';
import type { UiStrings } from './strings';
import type { ChatMessage } from './widget-types';

/** One bubble: a hidden "You:" / "Assistant:" for screen readers, the text, then any action cards. */
export function messageElement(message: ChatMessage, ctx: ActionContext): HTMLDivElement {
  const author = message.role === 'user' ? ctx.strings.you : ctx.strings.assistant;
  const wide = message.actions?.some((action) => action.type === 'products') ? ' wide' : '';
  // The text alone decides its direction (dir=auto), not the hidden author label in the UI language.
  const node = el('div', { class: `msg ${message.role}${wide}` }, [el('span', { class: 'sr' }, [`${author}: `]), el('span', { class: 'text', dir: 'auto' }, [message.text])]);
  node.append(...actionsElement(message.actions ?? [], ctx));
  return node;
}

export function setMessageText(node: HTMLElement, text: string): void {
  const target = node.querySelector('.text');
  if (target) target.textContent = text;
}

export function typingElement(strings: UiStrings): HTMLDivElement {
  return el('div', { class: 'typing', role: 'status' }, [el('span', { class: 'sr' }, [strings.typing]), el('i'), el('i'), el('i')]);
}

/** The friendly failure line in the chat, with a retry button that sends what is back in the input. */
/** A notice with no retry: the assistant cannot answer (402: quota used up or account restricted). */
export function unavailableElement(text: string): HTMLDivElement {
  return el('div', { class: 'msg error', role: 'status' }, [el('span', {}, [text])]);
}

export function errorElement(text: string, retryLabel: string, onRetry: () => void): HTMLDivElement {
  const retry = el('button', { type: 'button', class: 'btn' }, [retryLabel]);
  retry.addEventListener('click', onRetry);
  return el('div', { class: 'msg error', role: 'alert' }, [el('span', {}, [text]), el('div', { class: 'actions' }, [retry])]);
}
