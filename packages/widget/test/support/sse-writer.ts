import type { ServerResponse } from 'node:http';
import type { RespondResponse } from '@vocalia/contracts';

/** Splits an answer into word groups, as a model streams it (spaces kept, so joined tokens equal the answer). */
export function tokensOf(answer: string): string[] {
  return answer.match(/\S+\s*\S*\s*/g) ?? [answer];
}

/** `event: token` {"text"} per token, then `event: done` with the whole RespondResponse. */
export async function streamAnswer(res: ServerResponse, response: RespondResponse, delayMs: number): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  for (const text of tokensOf(response.answer)) {
    res.write(`event: token\ndata: ${JSON.stringify({ text })}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  res.end(`event: done\ndata: ${JSON.stringify(response)}\n\n`);
}
