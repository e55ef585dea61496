import { el, icon } from './create-element';
import { isRtlLanguage, type WidgetLanguage } from './language';
import { LANGUAGE_NAMES, stringsFor } from './strings';
import { WIDGET_CSS } from './styles';
import type { Position } from './widget-types';

export interface Theme {
  primary: string;
  onPrimary: string;
  accent: string;
  font: string;
}

export interface PanelView {
  host: HTMLElement;
  root: HTMLDivElement;
  panel: HTMLElement;
  title: HTMLHeadingElement;
  subtitle: HTMLParagraphElement;
  languageSelect: HTMLSelectElement | undefined;
  closeButton: HTMLButtonElement;
  log: HTMLDivElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  inputLabel: HTMLLabelElement;
  micButton: HTMLButtonElement;
  sendButton: HTMLButtonElement;
  notice: HTMLParagraphElement;
  powered: HTMLParagraphElement | undefined;
  launcher: HTMLButtonElement;
}

export interface PanelOptions {
  name: string;
  position: Position;
  theme: Theme;
  languages: WidgetLanguage[];
  showPoweredBy: boolean;
}

/** Builds the launcher and the (closed) dialog inside an open shadow root attached to `<vocalia-widget>`. */
export function createPanelView(opts: PanelOptions): PanelView {
  const host = document.createElement('vocalia-widget');
  host.style.setProperty('all', 'initial', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);

  const languageSelect =
    opts.languages.length > 1
      ? el('select', { class: 'lang' }, opts.languages.map((lang) => el('option', { value: lang, lang }, [LANGUAGE_NAMES[lang]])))
      : undefined;
  const view: PanelView = {
    host,
    root: el('div', { class: 'root', 'data-position': opts.position }),
    panel: el('section', { class: 'panel', id: 'vc-panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'vc-title', hidden: true }),
    title: el('h2', { class: 'title', id: 'vc-title' }, [opts.name]),
    subtitle: el('p', { class: 'subtitle' }),
    languageSelect,
    closeButton: el('button', { type: 'button', class: 'icon-btn close' }, [icon('close')]),
    // Focusable so a keyboard user can scroll back through a conversation that has no button left in it.
    log: el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' }),
    form: el('form', { class: 'composer' }),
    input: el('input', { id: 'vc-input', class: 'input', type: 'text', maxlength: '2000', autocomplete: 'off', enterkeyhint: 'send', dir: 'auto' }),
    inputLabel: el('label', { class: 'sr', for: 'vc-input' }),
    micButton: el('button', { type: 'button', class: 'icon-btn mic', 'aria-pressed': 'false', hidden: true }, [icon('mic')]),
    sendButton: el('button', { type: 'submit', class: 'icon-btn send' }, [icon('send', 'icon flip')]),
    notice: el('p', { class: 'notice', hidden: true }),
    powered: opts.showPoweredBy ? el('p', { class: 'powered' }) : undefined,
    launcher: el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'vc-panel' }, [icon('chat')]),
  };
  const header = el('header', { class: 'header' }, [el('div', { class: 'titles' }, [view.title, view.subtitle]), languageSelect, view.closeButton]);
  view.form.append(view.inputLabel, view.input, view.micButton, view.sendButton);
  view.panel.append(header, view.log, view.notice, view.form, ...(view.powered ? [view.powered] : []));
  view.root.append(view.panel, view.launcher);
  shadow.append(view.root);
  applyTheme(view, opts.theme);
  return view;
}

/**
 * A constructed stylesheet is CSSOM, which a strict `style-src` CSP on the host page does not block
 * (an inline <style> would be); browsers without it (Safari < 16.4) get the <style> element.
 */
function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    shadow.append(style);
  }
}

export function applyTheme(view: PanelView, theme: Theme): void {
  view.root.style.setProperty('--vc-primary', theme.primary);
  view.root.style.setProperty('--vc-on-primary', theme.onPrimary);
  view.root.style.setProperty('--vc-accent', theme.accent);
  view.root.style.setProperty('--vc-font', theme.font);
}

/** Puts every label in `language` and sets `dir`/`lang` on the dialog (the page around it keeps its own). */
export function applyLanguage(view: PanelView, language: WidgetLanguage, open: boolean): void {
  const s = stringsFor(language);
  view.panel.setAttribute('lang', language);
  view.panel.setAttribute('dir', isRtlLanguage(language) ? 'rtl' : 'ltr');
  view.subtitle.textContent = s.subtitle;
  view.closeButton.setAttribute('aria-label', s.close);
  view.closeButton.title = s.close;
  view.input.placeholder = s.placeholder;
  view.inputLabel.textContent = s.messageLabel;
  view.sendButton.setAttribute('aria-label', s.send);
  view.sendButton.title = s.send;
  view.launcher.setAttribute('aria-label', open ? s.closeChat : s.openChat);
  view.launcher.title = open ? s.closeChat : s.openChat;
  if (view.powered) view.powered.textContent = s.poweredBy;
  if (view.languageSelect) {
    view.languageSelect.value = language;
    view.languageSelect.setAttribute('aria-label', s.language);
  }
}
