import type { RespondRequest, RespondResponse } from '@vocalia/contracts';
import type { ActionContext } from './action-views';
import { networkError } from './api-error';
import { newIdempotencyKey } from './respond-client';
import type { ContextValues } from './context-values';
import type { ConversationStore } from './conversation-store';
import type { WidgetLanguage } from './language';
import { errorElement, messageElement, unavailableElement, setMessageText, typingElement } from './message-view';
import type { PanelView } from './panel-view';
import { stringsFor } from './strings';
import { emitWidgetEvent } from './widget-events';
import type { WidgetSession } from './widget-session';
import type { ChatMessage, Conversation, Role } from './widget-types';

export interface ChatDeps {
  view: PanelView;
  store: ConversationStore;
  session: WidgetSession;
  language: () => WidgetLanguage;
  /** Sent with each message when set: the reply language is pinned (see pinnedLanguage). */
  pinnedLanguage: () => WidgetLanguage | undefined;
  context: () => ContextValues;
  greeting: () => string;
  agentId?: string;
}

/** The text conversation: renders history, sends a message, streams the answer, and recovers from failures. */
export class ChatController {
  conversation: Conversation;
  private pending = false;
  private leadScore = 0;
  /** The last message that got no answer, and its Idempotency-Key: sent again unchanged, it keeps the key. */
  private unanswered: { request: string; key: string } | undefined;

  constructor(private readonly deps: ChatDeps) {
    this.conversation = deps.store.load();
    deps.view.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submitInput();
    });
  }

  actionContext(): ActionContext {
    const language = this.deps.language();
    return { strings: stringsFor(language), language, send: (text) => void this.send(text) };
  }

  render(): void {
    const { log } = this.deps.view;
    const ctx = this.actionContext();
    const greeting: ChatMessage = { role: 'assistant', text: this.deps.greeting(), at: 0 };
    log.replaceChildren(...[greeting, ...this.conversation.messages].map((message) => messageElement(message, ctx)));
    this.scroll();
  }

  save(change: Partial<Conversation>): void {
    this.conversation = this.deps.store.save({ ...this.conversation, ...change });
  }

  submitInput(): void {
    const { input } = this.deps.view;
    if (this.pending || !input.value.trim()) return;
    const text = input.value;
    input.value = '';
    void this.send(text);
  }

  /** Resolves with the answer, or undefined when it failed (the failure is shown in the chat and the text restored). */
  async send(text: string, channel: 'widget' | 'voice' = 'widget'): Promise<RespondResponse | undefined> {
    const message = text.trim().slice(0, 2000);
    if (!message || this.pending) return undefined;
    const { view, session } = this.deps;
    const language = this.deps.language();
    this.setPending(true);
    view.log.querySelectorAll('.msg.error').forEach((node) => node.remove());
    const userMessage: ChatMessage = { role: 'user', text: message, at: Date.now() };
    const userNode = this.append(userMessage);
    emitWidgetEvent('vocalia:message', { role: 'user', text: message, language, sessionId: this.conversation.sessionId });
    const typing = typingElement(stringsFor(language));
    view.log.append(typing);
    this.scroll();
    let bubble: HTMLDivElement | undefined;
    let streamed = '';
    const onToken = (token: string) => {
      if (!bubble) {
        typing.remove();
        bubble = messageElement({ role: 'assistant', text: '', at: Date.now() }, this.actionContext());
        bubble.setAttribute('aria-busy', 'true');
        bubble.setAttribute('aria-hidden', 'true');
        view.log.append(bubble);
      }
      streamed += token;
      setMessageText(bubble, streamed);
      this.scroll();
    };
    const request = this.request(message, language, channel);
    // The failed attempt may have been answered on the server: the same request with its key cannot make a second turn.
    const asked = JSON.stringify(request);
    const key = this.unanswered?.request === asked ? this.unanswered.key : newIdempotencyKey();
    this.unanswered = { request: asked, key };
    let res: RespondResponse;
    try {
      res = await session.respond(request, { stream: true, onToken }, key);
      this.unanswered = undefined;
    } catch (err) {
      this.fail(userMessage, userNode, networkError(err), language);
      return undefined;
    } finally {
      // Ready for the next message before the answer is drawn, so a quick follow-up is never dropped.
      typing.remove();
      bubble?.remove();
      this.setPending(false);
    }
    if (/^[A-Za-z0-9_-]{8,128}$/.test(res.sessionId ?? '')) this.save({ sessionId: res.sessionId });
    this.append({ role: 'assistant', text: res.answer, at: Date.now(), actions: res.actions });
    emitWidgetEvent('vocalia:message', { role: 'assistant', text: res.answer, language, sessionId: this.conversation.sessionId, intent: res.intent });
    if (res.lead && res.lead.score > this.leadScore) {
      this.leadScore = res.lead.score;
      emitWidgetEvent('vocalia:lead', { ...res.lead, sessionId: this.conversation.sessionId });
    }
    return res;
  }

  /** A turn that happened elsewhere (the realtime voice socket): shown and kept, not sent. */
  record(role: Role, text: string): void {
    this.append({ role, text, at: Date.now() });
    emitWidgetEvent('vocalia:message', { role, text, language: this.deps.language(), sessionId: this.conversation.sessionId });
  }

  private fail(userMessage: ChatMessage, userNode: HTMLElement, error: ReturnType<typeof networkError>, language: WidgetLanguage): void {
    const { view } = this.deps;
    this.save({ messages: this.conversation.messages.filter((m) => m !== userMessage) });
    userNode.remove();
    if (!view.input.value.trim()) view.input.value = userMessage.text;
    const s = stringsFor(language);
    view.log.append(error.status === 402 ? unavailableElement(s.unavailable) : errorElement(error.status === 429 ? s.rateLimited : s.networkError, s.retry, () => this.submitInput()));
    this.scroll();
    emitWidgetEvent('vocalia:error', { code: error.code, status: error.status, detail: error.detail });
  }

  private request(message: string, language: WidgetLanguage, channel: 'widget' | 'voice'): RespondRequest {
    const agent = this.deps.agentId ? { agentId: this.deps.agentId } : {};
    // Speech is recognised in the interface language, so a voice turn is always in it.
    const pinned = channel === 'voice' ? language : this.deps.pinnedLanguage();
    return {
      tenantId: this.deps.session.target.tenantId,
      sessionId: this.conversation.sessionId,
      message,
      ...(pinned ? { language: pinned } : {}),
      ...agent,
      context: { ...this.deps.context(), pageUrl: location.href.slice(0, 2048), pageTitle: document.title.slice(0, 300), channel },
    };
  }

  private append(message: ChatMessage): HTMLDivElement {
    this.save({ messages: [...this.conversation.messages, message] });
    const node = messageElement(message, this.actionContext());
    this.deps.view.log.append(node);
    this.scroll();
    return node;
  }

  private setPending(pending: boolean): void {
    this.pending = pending;
    this.deps.view.sendButton.setAttribute('aria-disabled', String(pending));
  }

  private scroll(): void {
    const { log } = this.deps.view;
    log.scrollTop = log.scrollHeight;
  }
}
