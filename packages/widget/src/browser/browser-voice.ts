import { speechLocale, type WidgetLanguage } from './language';

/** The part of the (unprefixed or webkit) Web Speech recognition API the widget uses; not in lib.dom. */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  start(): void;
  stop(): void;
  onresult: ((event: { resultIndex: number; results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
}
type RecognitionConstructor = new () => Recognition;

export interface BrowserVoiceHooks {
  language: () => WidgetLanguage;
  onInterim: (text: string) => void;
  /** Sends the final transcript; resolves with the answer to speak (undefined when it failed). */
  onTranscript: (text: string) => Promise<string | undefined>;
  onListening: (listening: boolean) => void;
  onProblem: (kind: 'denied' | 'failed') => void;
}

/** Push-to-talk: one utterance through SpeechRecognition, the answer read aloud with speechSynthesis. */
export class BrowserVoice {
  private recognition: Recognition | undefined;

  constructor(private readonly hooks: BrowserVoiceHooks) {}

  toggle(): void {
    if (this.recognition) {
      this.recognition.stop();
      return;
    }
    const w = window as Window & { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
    const Ctor = w.SpeechRecognition ?? w.webkitSpeechRecognition;
    if (!Ctor) return this.hooks.onProblem('failed');
    this.stopSpeaking();
    const recognition = new Ctor();
    let finalText = '';
    recognition.lang = speechLocale(this.hooks.language());
    recognition.interimResults = true;
    recognition.continuous = false;
    recognition.maxAlternatives = 1;
    recognition.onresult = (event) => {
      let interim = '';
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        if (result?.isFinal) finalText += result[0].transcript;
        else if (result) interim += result[0].transcript;
      }
      this.hooks.onInterim(finalText + interim);
    };
    recognition.onerror = (event) => {
      if (event.error === 'not-allowed' || event.error === 'service-not-allowed') this.hooks.onProblem('denied');
      else if (event.error !== 'no-speech' && event.error !== 'aborted') this.hooks.onProblem('failed');
    };
    recognition.onend = () => {
      this.recognition = undefined;
      this.hooks.onListening(false);
      if (finalText.trim()) void this.hooks.onTranscript(finalText).then((answer) => answer && this.speak(answer));
    };
    this.recognition = recognition;
    this.hooks.onListening(true);
    try {
      recognition.start();
    } catch {
      this.recognition = undefined;
      this.hooks.onListening(false);
      this.hooks.onProblem('failed');
    }
  }

  speak(text: string): void {
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
    const locale = speechLocale(this.hooks.language());
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = locale;
    const voices = speechSynthesis.getVoices();
    const normalized = (lang: string) => lang.replace('_', '-').toLowerCase();
    const voice = voices.find((v) => normalized(v.lang) === locale.toLowerCase()) ?? voices.find((v) => normalized(v.lang).startsWith(locale.slice(0, 2).toLowerCase()));
    if (voice) utterance.voice = voice;
    speechSynthesis.speak(utterance);
  }

  stop(): void {
    this.recognition?.stop();
    this.stopSpeaking();
  }

  private stopSpeaking(): void {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  }
}
