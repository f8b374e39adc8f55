import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as every browser spec runs it; `extraArgs` after the usual ones. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', ...extraArgs],
  });
}

/**
 * Runs `use` on a page of a headless Chromium of its own (Debian's, installed by .ci/run), closed
 * afterwards: the dashboard specs' one way of opening a page.
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
