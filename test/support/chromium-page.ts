import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's and Ubuntu's `apt-get install chromium` put it (.ci/run installs it so). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser specs run: CHROMIUM_PATH when set (a Chromium or Chrome binary), else
 * DEFAULT_CHROMIUM. A missing one is named with the fix, not playwright's "Failed to launch".
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}${env.CHROMIUM_PATH?.trim() ? ' (CHROMIUM_PATH)' : ''}: the browser specs need one. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    );
  }
  return path;
}

/** A headless Chromium (chromiumPath), as every browser spec runs it; `extraArgs` after the rest. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', ...extraArgs],
  });
}

/**
 * Runs `use` on a page of a headless Chromium of its own (chromiumPath), closed afterwards: the
 * dashboard specs' one way of opening a page.
 */
export async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await use(page);
  } finally {
    await browser.close();
  }
}
