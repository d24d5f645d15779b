// The official `openai` npm client, unmodified, against the real service's OpenAI-compatible endpoint (started by
// bin/commands/test-browser, which sets COMBOT_URL; the service runs the shipped bot with the offline responder).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const BASE = process.env.COMBOT_URL;
assert.ok(BASE, 'COMBOT_URL names the running service');
const MODEL = 'combot-default'; // the shipped bot's name
const GREETING_REPLY = 'Hello! How can I help you today?';
const SESSION_HEADER = 'x-combot-session-id';

// No retries, so that a 429 or 503 fails the test instead of slowing it down; every call is bounded in time.
const client = new OpenAI({baseURL: BASE + '/v1', apiKey: 'unused', maxRetries: 0, timeout: 20_000});

/** The combot extension of a completion or chunk, checked for shape. */
function combotOf(object) {
  const combot = object.combot;
  assert.ok(combot, 'the combot extension is present');
  assert.match(combot.sessionId, /^[0-9a-f-]{36}$/);
  assert.equal(typeof combot.intent, 'string');
  assert.equal(typeof combot.confidence, 'number');
  assert.equal(typeof combot.degraded, 'boolean');
  return combot;
}

async function storedMessages(sessionId) {
  const response = await fetch(`${BASE}/api/v1/sessions/${sessionId}/messages?limit=50`,
    {signal: AbortSignal.timeout(10_000)});
  assert.equal(response.status, 200);
  return (await response.json()).items;
}

test('the bot is listed as a model and can be retrieved', async () => {
  const models = [];
  for await (const model of client.models.list()) models.push(model);

  assert.deepEqual(models.map(m => m.id), [MODEL]);
  assert.equal(models[0].object, 'model');
  assert.equal(models[0].owned_by, 'combot');
  assert.equal(typeof models[0].created, 'number');
  const model = await client.models.retrieve(MODEL);
  assert.equal(model.id, MODEL);
});

test('a greeting gets the fast-path reply, counted as 0 tokens', async () => {
  const completion = await client.chat.completions.create({
    model: MODEL, messages: [{role: 'user', content: 'Hello there!'}]});

  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.model, MODEL);
  assert.equal(completion.choices.length, 1);
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.equal(completion.choices[0].message.content, GREETING_REPLY);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.deepEqual([completion.usage.prompt_tokens, completion.usage.completion_tokens,
    completion.usage.total_tokens], [0, 0, 0]);
  const combot = combotOf(completion);
  assert.equal(combot.intent, 'greeting');
  assert.equal(combot.route, 'fast_path');
  assert.equal(combot.degraded, false);
});

test('a stream with include_usage yields the role, the text, finish_reason stop and a usage chunk', async () => {
  const stream = await client.chat.completions.create({
    model: MODEL, stream: true, stream_options: {include_usage: true},
    messages: [{role: 'user', content: 'How do I reset my password?'}]});
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);

  chunks.forEach(chunk => assert.equal(chunk.object, 'chat.completion.chunk'));
  assert.equal(new Set(chunks.map(chunk => chunk.id)).size, 1, 'one id for every chunk');
  assert.equal(chunks[0].choices[0].delta.role, 'assistant');
  const withChoice = chunks.filter(chunk => chunk.choices.length > 0);
  const text = withChoice.map(chunk => chunk.choices[0].delta.content ?? '').join('');
  const last = withChoice.at(-1);
  assert.equal(last.choices[0].finish_reason, 'stop');
  withChoice.slice(0, -1).forEach(chunk => assert.equal(chunk.choices[0].finish_reason, null));
  const combot = combotOf(last);
  assert.equal(combot.route, 'offline', 'the test service runs without an LLM');
  assert.ok(text.length > 20, 'the reply has text');

  const usage = chunks.at(-1);
  assert.notEqual(usage, last, 'the usage chunk comes after the finish_reason chunk');
  assert.deepEqual(usage.choices, []);
  assert.equal(typeof usage.usage.total_tokens, 'number');

  // The streamed text is the stored reply.
  const stored = await storedMessages(combot.sessionId);
  assert.equal(stored.at(-1).content, text);
});

test('the stream is exact on the wire: event-stream, data lines only, ending with data: [DONE]', async () => {
  const response = await fetch(BASE + '/v1/chat/completions', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, signal: AbortSignal.timeout(20_000),
    body: JSON.stringify({model: MODEL, stream: true, messages: [{role: 'user', content: 'Hello there!'}]})});

  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  assert.match(response.headers.get(SESSION_HEADER), /^[0-9a-f-]{36}$/);
  const lines = (await response.text()).split('\n').filter(line => line.trim() !== '');
  lines.forEach(line => assert.match(line, /^data: /));
  assert.equal(lines.at(-1), 'data: [DONE]');
  const chunks = lines.slice(0, -1).map(line => JSON.parse(line.slice('data: '.length)));
  assert.equal(chunks.map(chunk => chunk.choices[0]?.delta?.content ?? '').join(''), GREETING_REPLY);
  assert.ok(chunks.every(chunk => chunk.choices.length === 1), 'no usage chunk unless asked');
});

test('a crisis message at the end of a longer conversation gets the safety reply', async () => {
  const completion = await client.chat.completions.create({
    model: MODEL, temperature: 0.2, max_tokens: 100, user: 'node-test', messages: [
      {role: 'system', content: 'You are a friendly assistant.'},
      {role: 'user', content: 'Hi, I have a question about my account.'},
      {role: 'assistant', content: 'Of course, what would you like to know?'},
      {role: 'user', content: 'I want to end my life'},
    ]});

  const combot = combotOf(completion);
  assert.equal(combot.intent, 'crisis');
  assert.equal(combot.route, 'safety');
  assert.match(completion.choices[0].message.content, /emergency/);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.equal(completion.usage.total_tokens, 0);
});

test('bad requests raise the typed errors of the SDK', async () => {
  await assert.rejects(
    client.chat.completions.create({model: 'nope', messages: [{role: 'user', content: 'Hello'}]}),
    error => error instanceof OpenAI.NotFoundError && error.status === 404 && error.code === 'model_not_found');
  await assert.rejects(client.models.retrieve('nope'),
    error => error instanceof OpenAI.NotFoundError && error.code === 'model_not_found');
  const refused = [
    {n: 2},
    {tools: [{type: 'function', function: {name: 'lookup', parameters: {type: 'object', properties: {}}}}]},
    {messages: [{role: 'user', content: [{type: 'image_url', image_url: {url: 'https://example.com/a.png'}}]}]},
    {messages: [{role: 'assistant', content: 'The last message is not the user\'s.'}]},
  ];
  for (const fields of refused) {
    await assert.rejects(
      client.chat.completions.create({model: MODEL, messages: [{role: 'user', content: 'Hello'}], ...fields}),
      error => error instanceof OpenAI.BadRequestError && error.status === 400
        && typeof error.error?.message === 'string' && error.error.message.length > 0,
      `refused with 400: ${JSON.stringify(fields)}`);
  }
});

test('X-Combot-Session-Id sent back continues the session; without it each request is a new one', async () => {
  const first = await client.chat.completions.create({
    model: MODEL, messages: [{role: 'user', content: 'Hello there!'}]}).withResponse();
  const sessionId = first.response.headers.get(SESSION_HEADER);
  assert.equal(sessionId, first.data.combot.sessionId);

  // Like every chat UI, the client resends the whole conversation; the header names the session.
  const second = await client.chat.completions.create({model: MODEL, messages: [
    {role: 'user', content: 'Hello there!'},
    {role: 'assistant', content: first.data.choices[0].message.content},
    {role: 'user', content: 'Thank you so much, that helped'},
  ]}, {headers: {'X-Combot-Session-Id': sessionId}}).withResponse();

  assert.equal(second.data.combot.sessionId, sessionId);
  assert.equal(second.response.headers.get(SESSION_HEADER), sessionId);
  assert.equal(second.data.combot.intent, 'thanks');
  const stored = await storedMessages(sessionId);
  assert.deepEqual(stored.map(m => [m.role, m.content]), [
    ['user', 'Hello there!'], ['assistant', GREETING_REPLY],
    ['user', 'Thank you so much, that helped'], ['assistant', second.data.choices[0].message.content],
  ], 'the stored history holds each turn once');

  const other = await client.chat.completions.create({
    model: MODEL, messages: [{role: 'user', content: 'Hello there!'}]});
  assert.notEqual(other.combot.sessionId, sessionId);
});
