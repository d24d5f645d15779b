// A knowledge bot's citations on the chat page (bin/commands/test-browser serves the shipped bot with `question` and
// `unknown` routed to `knowledge` and the documents of tools/browser/knowledge, trained, at COMBOT_KNOWLEDGE_URL).
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {SHOTS, launchBrowser, say} from './browser.mjs';

const KNOWLEDGE = process.env.COMBOT_KNOWLEDGE_URL;
assert.ok(KNOWLEDGE, 'COMBOT_KNOWLEDGE_URL names the service that serves the knowledge bot');

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Each citation of the assistant's `n`-th reply: its label, link and source path. */
async function citationsOf(page, n) {
  return page.locator('#messages li.msg.assistant').nth(n).locator('ol.citations li').evaluateAll(items =>
    items.map(item => {
      const label = item.firstElementChild;
      return {name: label.textContent, href: label.getAttribute('href'), source: item.querySelector('.source')
        .textContent, snippet: label.title};
    }));
}

test('an answer from the documents lists its sources as links, a question they do not cover says so', async () => {
  const {page, problems} = await browser.open(KNOWLEDGE + '/');

  await say(page, 'How long does a refund take to reach my card?', 1);
  await say(page, 'What is the boiling point of mercury on Mars?', 2);

  const answer = page.locator('#messages li.msg.assistant').nth(0);
  assert.match(await answer.locator('.text').textContent(), /5 to 7 working days/);
  const cited = await citationsOf(page, 0);
  assert.deepEqual(cited[0], {name: 'Refunds — How long a refund takes', href: 'https://help.example.com/billing/refunds',
    source: ' (billing/refunds.md)', snippet: cited[0].snippet});
  assert.match(cited[0].snippet, /5 to 7 working days/);
  assert.equal(await answer.locator('ol.citations a').first().getAttribute('rel'), 'noopener noreferrer');
  // A document without a url is named, not linked.
  const plain = cited.find(citation => citation.source === ' (passwords.txt)');
  assert.ok(!plain || plain.href === null, 'a text file has no url to link to');

  const noAnswer = page.locator('#messages li.msg.assistant').nth(1);
  assert.match(await noAnswer.locator('.meta').textContent(), /^route: knowledge · not in the documents$/);
  assert.equal(await noAnswer.locator('ol.citations').count(), 0);
  await page.screenshot({path: join(SHOTS, 'chat-citations.png'), fullPage: true});

  await page.reload();
  await page.locator('#messages li.msg.assistant').nth(1).waitFor();
  assert.deepEqual(await citationsOf(page, 0), cited, 'the sources come back with the history');
  assert.equal(await page.locator('#messages li.msg.assistant').nth(1).locator('ol.citations').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
