// The chat and status pages in Debian's headless Chromium against the real service (started by
// bin/commands/test-browser, which sets COMBOT_URL and SCREENSHOT_DIR).
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {BASE, SHOTS, TIMEOUT, launchBrowser, say} from './browser.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Text, intent line and route line of every message on the page, in order. */
async function conversation(page) {
  return page.locator('#messages li.msg').evaluateAll(items => items.map(item => ({
    role: item.classList.contains('user') ? 'user' : 'assistant',
    text: item.querySelector('.text').textContent,
    meta: item.querySelector('.meta').textContent,
  })));
}

test('three messages get replies and intents, and the history comes back after a reload', async () => {
  const {page, problems} = await browser.open(BASE + '/');

  await say(page, 'Hello there!', 1);
  await say(page, 'How do I reset my password?', 2);
  await say(page, 'Thank you so much, that helped', 3);
  const before = await conversation(page);

  assert.equal(before.length, 6);
  assert.deepEqual(before.map(m => m.role), ['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  assert.match(before[0].meta, /^intent: greeting · confidence \d+%$/);
  assert.match(before[2].meta, /^intent: (question|help) · confidence \d+%$/);
  assert.match(before[4].meta, /^intent: thanks · confidence \d+%$/);
  assert.equal(before[1].meta, 'route: fast_path');
  assert.equal(before[3].meta, 'route: offline');
  assert.equal(before[5].meta, 'route: fast_path');
  before.filter(m => m.role === 'assistant').forEach(m => assert.ok(m.text.length > 5, 'a reply has text'));
  const session = await page.evaluate(() => localStorage.getItem('combot.sessionId'));
  assert.match(session, /^[0-9a-f-]{36}$/);
  await page.screenshot({path: join(SHOTS, 'chat.png'), fullPage: true});

  await page.reload();
  await page.locator('#messages li.msg').nth(5).waitFor();

  assert.deepEqual(await conversation(page), before);
  assert.match(await page.textContent('#session'), new RegExp(session.slice(0, 8)));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a reply rated down keeps its rating after a reload, and a second press takes it back', async () => {
  const {page, problems} = await browser.open(BASE + '/');
  await page.getByRole('button', {name: 'New conversation'}).click();
  await say(page, 'Hello there!', 1);
  const down = () => page.locator('#messages li.msg.assistant').nth(0).getByRole('button', {name: 'Not helpful'});
  const up = () => page.locator('#messages li.msg.assistant').nth(0).getByRole('button', {name: 'Helpful', exact: true});

  await down().click();
  await page.waitForFunction(() => document.querySelector('#messages li.assistant .rate.down')
    ?.getAttribute('aria-pressed') === 'true');
  await page.screenshot({path: join(SHOTS, 'chat-rated.png')});
  await page.reload();
  await page.locator('#messages li.msg.assistant .rating').waitFor();

  assert.equal(await down().getAttribute('aria-pressed'), 'true', 'the rating came back with the history');
  assert.equal(await up().getAttribute('aria-pressed'), 'false');
  const session = await page.evaluate(() => localStorage.getItem('combot.sessionId'));
  const history = await page.evaluate(async id => (await fetch('/api/v1/sessions/' + id + '/messages')).json(),
    session);
  assert.equal(history.items[1].feedback.rating, 'down');

  await down().click();
  await page.waitForFunction(() => document.querySelector('#messages li.assistant .rate.down')
    ?.getAttribute('aria-pressed') === 'false');
  await page.reload();
  await page.locator('#messages li.msg.assistant .rating').waitFor();
  assert.equal(await down().getAttribute('aria-pressed'), 'false', 'taken back');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a busy server and an expired conversation are explained, and a new conversation can be started', async () => {
  const page = await browser.newPage();
  await page.goto(BASE + '/');
  const stream = '**/api/v1/sessions/*/messages/stream';
  const problem = (status, detail, headers) => route => route.fulfill({status, headers: {
    'Content-Type': 'application/problem+json', ...headers}, body: JSON.stringify({status, detail})});

  await page.route(stream, problem(503, 'Too many replies are being generated', {'Retry-After': '7'}));
  await page.fill('#input', 'Are you there?');
  await page.press('#input', 'Enter');
  await page.locator('#notice', {hasText: 'busy'}).waitFor();

  assert.match(await page.textContent('#notice'), /try again in 7 seconds/);
  assert.equal(await page.inputValue('#input'), 'Are you there?', 'the text is kept to send again');

  await page.unroute(stream);
  await page.route(stream, problem(410, 'The session expired'));
  await page.press('#input', 'Enter');
  const startOver = page.getByRole('button', {name: 'Start a new conversation'});
  await startOver.waitFor();

  assert.match(await page.textContent('#notice'), /expired/);
  await page.screenshot({path: join(SHOTS, 'chat-expired.png')});
  await startOver.click();
  assert.equal(await page.isHidden('#notice'), true);
  assert.equal(await page.locator('#messages li').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('combot.sessionId')), null);
  await page.close();
});

test('the status page shows memory, requests in flight and the circuit, with a chart', async () => {
  const page = await browser.newPage();
  await page.goto(BASE + '/status');
  await page.locator('#circuit', {hasText: 'not used'}).waitFor();
  // Two readings draw a line.
  await page.waitForFunction(() => document.querySelector('#memory-chart polyline.heap')
    ?.getAttribute('points').split(' ').length >= 2, null, {timeout: TIMEOUT});

  assert.match(await page.textContent('#heap'), /^\d+\.\d MiB of \d+\.\d MiB$/);
  assert.match(await page.textContent('#rss'), /^\d+\.\d MiB$/);
  assert.match(await page.textContent('#inflight'), /^\d+$/);
  // The earlier tests sent messages and rated one reply down: the totals since start show them.
  assert.match(await page.textContent('#messages'), /^\d+ \([1-9]\d*\)$/);
  assert.match(await page.textContent('#low-confidence'), /^\d+% \(\d+%\)$/);
  assert.match(await page.textContent('#rated-down'), /^\d+ \([1-9]\d*\)$/);
  assert.match(await page.textContent('#routes tbody'), /fast_path/);
  assert.match(await page.textContent('#intents tbody'), /greeting/);
  await page.screenshot({path: join(SHOTS, 'status.png'), fullPage: true});
  await page.close();
});
