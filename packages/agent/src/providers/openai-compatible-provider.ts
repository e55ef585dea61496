import { OpenAI } from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { ConversationProvider, EngineInput, EngineResult, TokenSink } from '../engine';
import type { TurnAnalyzer } from '../turn/analyze-turn';
import { CallDeadline } from './call-deadline';
import { finishRemoteTurn } from './finish-remote-turn';
import { parseToolArgs, runTool, type ToolOutcome } from './run-tool';
import { StreamRelay } from './stream-relay';
import { newCanary } from '../safety/canary';
import { buildSystemPrompt, promptProtection } from './system-prompt';
import { enabledTools } from './tool-specs';

export interface OpenAICompatibleConfig {
  /** Label in results, logs and the fallback chain, e.g. "xai" or "openai". */
  name: string;
  apiKey: string;
  baseURL: string;
  model: string;
  /** No progress for this long aborts the call (the whole call is capped at 4x). */
  timeoutMs: number;
  temperature?: number;
}

interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** Chat Completions with streaming and one round of function calling: xAI Grok, OpenAI, or any compatible API. */
export class OpenAICompatibleProvider implements ConversationProvider {
  readonly name: string;
  private readonly client: OpenAI;

  constructor(
    private readonly config: OpenAICompatibleConfig,
    private readonly analyzer: TurnAnalyzer,
  ) {
    this.name = config.name;
    this.client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0, timeout: config.timeoutMs * 4 });
  }

  async respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult> {
    const a = this.analyzer.analyze(input);
    const deadline = new CallDeadline(this.name, this.config.timeoutMs, this.config.timeoutMs * 4, input.signal);
    const canary = newCanary();
    const relay = new StreamRelay(promptProtection(a, canary, this.analyzer.tenants.others(input.snapshot.tenant.id)), onToken);
    try {
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: buildSystemPrompt(a, canary) },
        ...input.history.map((t): ChatCompletionMessageParam => ({ role: t.role, content: t.text })),
        { role: 'user', content: input.message },
      ];
      const tools: ChatCompletionTool[] = enabledTools(a).map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
      const first = await this.streamOnce(messages, tools, relay, deadline);
      const outcomes: ToolOutcome[] = [];
      if (first.calls.length > 0) {
        messages.push({
          role: 'assistant',
          content: first.text || null,
          tool_calls: first.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        });
        for (const call of first.calls) {
          const outcome = runTool(a, call.name, parseToolArgs(call.arguments));
          outcomes.push(outcome);
          messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(outcome.result) });
        }
        relay.separate(first.text);
        await this.streamOnce(messages, [], relay, deadline);
      }
      return finishRemoteTurn(a, relay, outcomes, this.name, onToken);
    } catch (error) {
      deadline.throwIfAborted();
      throw error;
    } finally {
      deadline.dispose();
    }
  }

  private async streamOnce(messages: ChatCompletionMessageParam[], tools: ChatCompletionTool[], relay: StreamRelay, deadline: CallDeadline): Promise<{ text: string; calls: ToolCall[] }> {
    const stream = await this.client.chat.completions.create(
      {
        model: this.config.model,
        messages,
        stream: true,
        // Only when configured: some models (reasoning ones) reject the parameter.
        ...(this.config.temperature !== undefined ? { temperature: this.config.temperature } : {}),
        ...(tools.length > 0 ? { tools, tool_choice: 'auto' as const } : {}),
      },
      { signal: deadline.signal },
    );
    let text = '';
    const calls = new Map<number, ToolCall>();
    for await (const chunk of stream) {
      deadline.touch();
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) {
        text += delta.content;
        relay.push(delta.content);
      }
      for (const tc of delta?.tool_calls ?? []) {
        const entry = calls.get(tc.index) ?? { id: tc.id ?? `call_${tc.index}`, name: '', arguments: '' };
        if (tc.id) entry.id = tc.id;
        if (tc.function?.name) entry.name += tc.function.name;
        if (tc.function?.arguments) entry.arguments += tc.function.arguments;
        calls.set(tc.index, entry);
      }
    }
    // The SDK ends an aborted stream quietly: a cut stream must count as a failure, not as an answer.
    deadline.throwIfAborted();
    return { text, calls: [...calls.values()] };
  }
}
