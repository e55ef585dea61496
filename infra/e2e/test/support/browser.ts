import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(tmpdir(), 'vocalia-e2e-screenshots');

/** The system Chromium (apt package), never a downloaded one, headless and offline-quiet; `extraArgs` e.g. a fake microphone. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', ...extraArgs],
  });
}

/** Saves a PNG under os.tmpdir()/vocalia-e2e-screenshots/ and prints its path (a test diagnostic). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  process.stdout.write(`screenshot: ${path}\n`);
  return path;
}

export interface WatchedPage {
  /** Console warnings, in order. */
  warnings: string[];
  /** Status of every response the page received, by URL. */
  responses: Map<string, number>;
  /** Resolves once the widget has reported `vocalia:ready` or `vocalia:error` (its start settled). */
  settled(): Promise<'vocalia:ready' | 'vocalia:error'>;
}

/** Records warnings, responses and the widget's start outcome from the page's first script on; call before goto. */
export async function watchPage(page: Page): Promise<WatchedPage> {
  const warnings: string[] = [];
  const responses = new Map<string, number>();
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('response', (response) => void responses.set(response.url(), response.status()));
  await page.addInitScript(() => {
    const w = window as unknown as { vocaliaOutcome?: string };
    for (const type of ['vocalia:ready', 'vocalia:error']) window.addEventListener(type, () => (w.vocaliaOutcome ??= type));
  });
  return {
    warnings,
    responses,
    async settled() {
      const handle = await page.waitForFunction(() => (window as unknown as { vocaliaOutcome?: string }).vocaliaOutcome, undefined, { timeout: 15_000 });
      return (await handle.jsonValue()) as 'vocalia:ready' | 'vocalia:error';
    },
  };
}
