import type { WidgetConfigResponse } from '@vocalia/contracts';
import type { ApiTarget } from './api-client';
import type { BootOptions } from './boot-options';
import { ChatController } from './chat-controller';
import { mergeContext, type ContextValues } from './context-values';
import { ConversationStore, type KeyValueStorage } from './conversation-store';
import { icon } from './create-element';
import { installFocusTrap } from './focus-trap';
import { warnIntegrator } from './integrator-warning';
import { isWidgetLanguage, languageFromUrl, pickLanguage, pinnedLanguage, type WidgetLanguage } from './language';
import { applyLanguage, applyTheme, createPanelView } from './panel-view';
import { showSocialProof } from './social-proof';
import { stringsFor } from './strings';
import { resolveTheme } from './theme';
import { VoiceControls } from './voice-controls';
import { chooseVoiceMode, detectVoiceCapabilities } from './voice-mode';
import { emitWidgetEvent } from './widget-events';
import { WidgetSession } from './widget-session';

export interface WidgetHandle {
  open(): void;
  close(): void;
  toggle(): void;
  send(text: string): void;
  setLanguage(language: string): void;
  setContext(values: unknown): void;
}

function sessionStorageOrNothing(): KeyValueStorage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Renders the widget for a loaded /config and wires text, voice, language and keyboard behaviour. */
export function mountWidget(config: WidgetConfigResponse, boot: BootOptions, target: ApiTarget): WidgetHandle {
  const session = new WidgetSession(target, config);
  const languages = config.languages.filter(isWidgetLanguage);
  let context: ContextValues = mergeContext({}, boot.context);
  let open = false;
  const view = createPanelView({
    name: config.name,
    position: boot.position ?? config.branding.position,
    theme: resolveTheme(config.branding),
    languages,
    showPoweredBy: config.branding.showPoweredBy,
  });
  document.body.append(view.host);
  applyTheme(view, resolveTheme(config.branding, getComputedStyle(view.host).getPropertyValue('--vocalia-primary')));

  let language: WidgetLanguage = 'fr';
  let pinned: WidgetLanguage | undefined;
  const chat = new ChatController({
    view,
    store: new ConversationStore(sessionStorageOrNothing(), `vocalia:${config.tenantId}`),
    session,
    language: () => language,
    pinnedLanguage: () => pinned,
    context: () => context,
    greeting: () => session.config.greeting[language] ?? stringsFor(language).greeting,
    agentId: boot.agentId,
  });
  const signals = { urlParam: languageFromUrl(location.href), chosen: chat.conversation.chosenLanguage, integrator: boot.language, documentLang: document.documentElement.lang, browser: navigator.languages ?? [navigator.language] };
  language = pickLanguage(signals, languages, config.defaultLanguage);
  pinned = pinnedLanguage(signals, languages);
  const choice = chooseVoiceMode(config, detectVoiceCapabilities(window));
  const voice = new VoiceControls({ view, choice, chat, session, language: () => language });

  const render = () => {
    applyLanguage(view, language, open);
    chat.render();
    voice.render();
  };
  const setOpen = (next: boolean) => {
    if (next === open) return;
    const focusWasInside = view.host.shadowRoot?.activeElement != null;
    open = next;
    view.panel.hidden = !open;
    view.root.classList.toggle('open', open);
    view.launcher.setAttribute('aria-expanded', String(open));
    view.launcher.replaceChildren(icon(open ? 'close' : 'chat'));
    applyLanguage(view, language, open);
    if (open) {
      chat.render();
      view.input.focus();
    } else {
      voice.stop();
      if (focusWasInside) view.launcher.focus();
    }
  };
  const setLanguage = (next: string) => {
    if (!isWidgetLanguage(next) || !languages.includes(next)) {
      warnIntegrator(`setLanguage("${next}") was ignored.`, `This tenant speaks: ${languages.join(', ')}.`);
      return;
    }
    language = next;
    pinned = next;
    chat.save({ chosenLanguage: next });
    render();
  };

  view.launcher.addEventListener('click', () => setOpen(!open));
  view.closeButton.addEventListener('click', () => setOpen(false));
  view.languageSelect?.addEventListener('change', () => setLanguage(view.languageSelect?.value ?? language));
  installFocusTrap(view.panel, view.host.shadowRoot as ShadowRoot, () => setOpen(false));
  render();
  if (config.features.includes('social_proof')) void showSocialProof(view, target, () => open);
  emitWidgetEvent('vocalia:ready', { tenantId: config.tenantId, language, sessionId: chat.conversation.sessionId, voice: choice.mode });

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    send: (text) => {
      setOpen(true);
      void chat.send(String(text ?? ''));
    },
    setLanguage,
    setContext: (values) => (context = mergeContext(context, values)),
  };
}
