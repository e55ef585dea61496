import type { RespondAction } from '@vocalia/contracts';
import type { WidgetLanguage } from './language';

export type Role = 'user' | 'assistant';

/** A message as shown and as kept in sessionStorage (actions too, so product cards survive a reload). */
export interface ChatMessage {
  role: Role;
  text: string;
  at: number;
  actions?: RespondAction[];
}

export interface Conversation {
  sessionId: string;
  updatedAt: number;
  messages: ChatMessage[];
  /** A language the visitor picked (setLanguage or the selector); wins over page signals for the session. */
  chosenLanguage?: WidgetLanguage;
}

export type Position = 'bottom-right' | 'bottom-left';
