import { GoogleGenAI, type Content, type FunctionCall, type GenerateContentConfig } from '@google/genai';
import type { ConversationProvider, EngineInput, EngineResult, TokenSink } from '../engine';
import type { TurnAnalyzer } from '../turn/analyze-turn';
import { CallDeadline } from './call-deadline';
import { finishRemoteTurn } from './finish-remote-turn';
import { runTool, type ToolOutcome } from './run-tool';
import { StreamRelay } from './stream-relay';
import { newCanary } from '../safety/canary';
import { buildSystemPrompt, promptProtection } from './system-prompt';
import { enabledTools } from './tool-specs';

export interface GeminiConfig {
  name: string;
  apiKey: string;
  model: string;
  /** Overrides the Gemini API endpoint (`httpOptions.baseUrl`), e.g. a proxy or a test server. */
  baseUrl?: string;
  /** API version path segment; the SDK's default when unset. */
  apiVersion?: string;
  timeoutMs: number;
  temperature?: number;
}

/** Gemini wants turns that start with the user and alternate: leading model turns are dropped, runs merged. */
export function geminiContents(input: EngineInput): Content[] {
  const turns = [...input.history.map((t) => ({ role: t.role === 'assistant' ? 'model' : 'user', text: t.text })), { role: 'user', text: input.message }];
  const contents: Content[] = [];
  for (const t of turns) {
    const last = contents.at(-1);
    if (!last && t.role === 'model') continue;
    if (last?.role === t.role) last.parts = [{ text: `${last.parts?.[0]?.text ?? ''}\n${t.text}` }];
    else contents.push({ role: t.role, parts: [{ text: t.text }] });
  }
  return contents;
}

/** Gemini through @google/genai: streaming, one round of function calling. */
export class GeminiProvider implements ConversationProvider {
  readonly name: string;
  private readonly client: GoogleGenAI;

  constructor(
    private readonly config: GeminiConfig,
    private readonly analyzer: TurnAnalyzer,
  ) {
    this.name = config.name;
    // Our own deadline bounds every call, so the runtime's fetch is passed explicitly: the SDK's
    // default Undici dispatcher is unavailable in sandboxed runtimes (vm contexts, Jest).
    const fetchFn: typeof fetch = (url, init) => fetch(url, init);
    this.client = new GoogleGenAI({
      apiKey: config.apiKey,
      httpOptions: { fetch: fetchFn, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}), ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}) },
    });
  }

  async respond(input: EngineInput, onToken?: TokenSink): Promise<EngineResult> {
    const a = this.analyzer.analyze(input);
    const deadline = new CallDeadline(this.name, this.config.timeoutMs, this.config.timeoutMs * 4, input.signal);
    const canary = newCanary();
    const relay = new StreamRelay(promptProtection(a, canary, this.analyzer.tenants.others(input.snapshot.tenant.id)), onToken);
    try {
      const contents = geminiContents(input);
      const declarations = enabledTools(a).map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters }));
      const config: GenerateContentConfig = {
        systemInstruction: buildSystemPrompt(a, canary),
        ...(this.config.temperature !== undefined ? { temperature: this.config.temperature } : {}),
        abortSignal: deadline.signal,
        ...(declarations.length > 0 ? { tools: [{ functionDeclarations: declarations }] } : {}),
      };
      const first = await this.streamOnce(contents, config, relay, deadline);
      const outcomes: ToolOutcome[] = [];
      if (first.calls.length > 0) {
        contents.push({ role: 'model', parts: first.calls.map((functionCall) => ({ functionCall })) });
        const responses = first.calls.map((call) => {
          const outcome = runTool(a, call.name ?? '', call.args ?? {});
          outcomes.push(outcome);
          return { functionResponse: { id: call.id, name: call.name, response: outcome.result } };
        });
        contents.push({ role: 'user', parts: responses });
        relay.separate(first.text);
        await this.streamOnce(contents, { ...config, tools: undefined }, relay, deadline);
      }
      return finishRemoteTurn(a, relay, outcomes, this.name, onToken);
    } catch (error) {
      deadline.throwIfAborted();
      throw error;
    } finally {
      deadline.dispose();
    }
  }

  private async streamOnce(contents: Content[], config: GenerateContentConfig, relay: StreamRelay, deadline: CallDeadline): Promise<{ text: string; calls: FunctionCall[] }> {
    const stream = await this.client.models.generateContentStream({ model: this.config.model, contents, config });
    let text = '';
    const calls: FunctionCall[] = [];
    for await (const chunk of stream) {
      deadline.touch();
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (part.text && !part.thought) {
          text += part.text;
          relay.push(part.text);
        }
        if (part.functionCall) calls.push(part.functionCall);
      }
    }
    deadline.throwIfAborted();
    return { text, calls };
  }
}
