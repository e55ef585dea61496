import { BrowserVoice } from './browser-voice';
import type { ChatController } from './chat-controller';
import type { WidgetLanguage } from './language';
import type { PanelView } from './panel-view';
import { RealtimeVoice, type RealtimeState } from './realtime-voice';
import { stringsFor, type UiStrings } from './strings';
import type { VoiceChoice } from './voice-mode';
import type { WidgetSession } from './widget-session';

type NoticeKey = 'voiceUnavailable' | 'micDenied' | 'voiceFailed' | 'realtimeFallback' | 'listening' | 'connecting';

export interface VoiceControlsDeps {
  view: PanelView;
  choice: VoiceChoice;
  chat: ChatController;
  session: WidgetSession;
  language: () => WidgetLanguage;
}

/** The mic button and the voice status line; without any voice path, a plain "type instead" explanation. */
export class VoiceControls {
  private engine: BrowserVoice | RealtimeVoice | undefined;
  private notice: NoticeKey | undefined;
  private active = false;

  constructor(private readonly deps: VoiceControlsDeps) {
    const { view, choice } = deps;
    this.engine = choice.mode === 'realtime' ? this.realtime() : choice.mode === 'browser' ? this.browser() : undefined;
    view.micButton.hidden = !this.engine;
    if (!this.engine && choice.offered) this.notice = 'voiceUnavailable';
    view.micButton.addEventListener('click', () => this.engine?.toggle());
    this.render();
  }

  stop(): void {
    if (this.active) this.engine?.stop();
  }

  render(): void {
    const s: UiStrings = stringsFor(this.deps.language());
    const { micButton, notice } = this.deps.view;
    const label = this.engine instanceof RealtimeVoice ? (this.active ? s.realtimeStop : s.realtimeStart) : this.active ? s.micStop : s.micStart;
    micButton.setAttribute('aria-label', label);
    micButton.title = label;
    micButton.setAttribute('aria-pressed', String(this.active));
    notice.hidden = !this.notice;
    notice.textContent = this.notice ? s[this.notice] : '';
  }

  private setState(active: boolean, notice: NoticeKey | undefined): void {
    this.active = active;
    this.notice = notice;
    this.render();
  }

  private problem(kind: 'denied' | 'failed'): void {
    // Streaming voice refused, failed or dropped: browser speech takes over for the rest of the visit, said once.
    if (kind === 'failed' && this.engine instanceof RealtimeVoice && this.deps.choice.browserFallback) {
      this.engine = this.browser();
      return this.setState(false, 'realtimeFallback');
    }
    this.setState(false, kind === 'denied' ? 'micDenied' : 'voiceFailed');
  }

  private browser(): BrowserVoice {
    const { chat, view } = this.deps;
    return new BrowserVoice({
      language: this.deps.language,
      onInterim: (text) => (view.input.value = text),
      onTranscript: async (text) => {
        view.input.value = '';
        return (await chat.send(text, 'voice'))?.answer;
      },
      onListening: (listening) => this.setState(listening, listening ? 'listening' : undefined),
      onProblem: (kind) => this.problem(kind),
    });
  }

  private realtime(): RealtimeVoice {
    const { chat, session } = this.deps;
    const notices: Record<RealtimeState, NoticeKey | undefined> = { idle: undefined, connecting: 'connecting', live: 'listening' };
    return new RealtimeVoice({
      apiBase: session.target.apiBase,
      tenantId: session.target.tenantId,
      token: () => session.token(),
      sessionId: () => chat.conversation.sessionId,
      language: this.deps.language,
      onTranscript: (role, text) => chat.record(role, text),
      onState: (state) => {
        if (state !== 'idle' || this.notice === 'connecting' || this.notice === 'listening') this.setState(state !== 'idle', notices[state]);
      },
      onProblem: (kind) => this.problem(kind),
    });
  }
}
