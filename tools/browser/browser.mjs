// What the browser tests share: the service's URL, where screenshots go, Debian's headless Chromium and sending a
// message on the chat page.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

export const BASE = process.env.COMBOT_URL;
export const SHOTS = process.env.SCREENSHOT_DIR || 'target';
export const TIMEOUT = 30_000;
assert.ok(BASE, 'COMBOT_URL names the running service');

/** Debian's headless Chromium with a fresh profile, removed when it closes. */
export async function launchBrowser() {
  mkdirSync(SHOTS, {recursive: true});
  const profile = mkdtempSync(join(tmpdir(), 'combot-chromium-'));
  // A persistent context is how Playwright takes a fresh --user-data-dir; it downloads nothing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    viewport: {width: 900, height: 900},
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-quic', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(TIMEOUT);
  return {
    newPage: () => context.newPage(),
    /** A new page at `url`, and the list its uncaught script errors and console errors (a failed load) go to. */
    open: async url => {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', error => problems.push(error.message));
      page.on('console', message => message.type() === 'error' && problems.push(message.text()));
      await page.goto(url);
      return {page, problems};
    },
    close: async () => {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

/** Sends `text` with Enter and waits until the page shows its reply, the `replies`-th of the page. */
export async function say(page, text, replies) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
  await page.locator('#messages li.msg.assistant:not(.streaming) .meta', {hasText: 'route:'})
    .nth(replies - 1).waitFor();
}
