// The chat page: one conversation kept in localStorage, replies streamed over fetch (EventSource cannot POST).
'use strict';

const API = '/api/v1/sessions';
const SESSION_KEY = 'combot.sessionId';
const HISTORY_PAGES = 4; // at most 4 pages of 50 are restored after a reload

const list = document.getElementById('messages');
const notice = document.getElementById('notice');
const sessionLine = document.getElementById('session');
const form = document.getElementById('composer');
const input = document.getElementById('input');
const sendButton = document.getElementById('send');

let sessionId = localStorage.getItem(SESSION_KEY);

/** An error the API answered with a problem+json body. */
class Problem extends Error {
  constructor(status, body, retryAfter) {
    super(body.detail || body.title || 'HTTP ' + status);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

async function problemOf(response) {
  let body = {};
  try { body = await response.json(); } catch (ignored) { /* not JSON: keep the status alone */ }
  const header = Number(response.headers.get('Retry-After'));
  return new Problem(response.status, body, header || body.retryAfterSeconds || null);
}

function percent(confidence) {
  return Math.round(confidence * 100) + '%';
}

function userMeta(message) {
  return message.intent ? 'intent: ' + message.intent + ' · confidence ' + percent(message.confidence) : '';
}

function replyMeta(message) {
  return 'route: ' + message.route + (message.degraded ? ' · degraded' : '')
      + (message.grounded === false ? ' · not in the documents' : '');
}

/** A knowledge reply's citations, numbered as the reply cites them; a document with a url is a link to it. */
function citations(handle, message) {
  if (!message.citations || message.citations.length === 0) return;
  const sources = document.createElement('ol');
  sources.className = 'citations';
  sources.setAttribute('aria-label', 'Sources');
  for (const citation of message.citations) {
    const entry = document.createElement('li');
    const name = citation.title + (citation.section && citation.section !== citation.title
        ? ' — ' + citation.section : '');
    const url = /^https?:\/\//i.test(citation.url || '') ? citation.url : null;
    const label = document.createElement(url ? 'a' : 'span');
    label.textContent = name;
    if (url) {
      label.href = url;
      label.rel = 'noopener noreferrer';
      label.target = '_blank';
    }
    const source = document.createElement('span');
    source.className = 'source';
    source.textContent = ' (' + citation.source + ')';
    label.title = citation.snippet;
    entry.append(label, source);
    sources.append(entry);
  }
  handle.item.append(sources);
}

function bubble(role, text, meta) {
  const item = document.createElement('li');
  item.className = 'msg ' + role;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = role === 'user' ? 'You said: ' : 'Combot replied: ';
  const body = document.createElement('div');
  body.className = 'text';
  body.textContent = text;
  const details = document.createElement('div');
  details.className = 'meta';
  details.textContent = meta || '';
  item.append(label, body, details);
  list.append(item);
  item.scrollIntoView({block: 'end'});
  return {
    item,
    text: value => { body.textContent = value; },
    append: value => { body.textContent += value; item.scrollIntoView({block: 'end'}); },
    meta: value => { details.textContent = value; },
  };
}

/** Thumbs up and down under a stored reply; pressing the pressed one again takes the rating back. */
function rating(handle, replyId, feedback) {
  const box = document.createElement('div');
  box.className = 'rating';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Rate this reply');
  let current = feedback ? feedback.rating : null;
  const buttons = ['up', 'down'].map(value => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rate ' + value;
    button.dataset.rating = value;
    button.title = value === 'up' ? 'Helpful' : 'Not helpful';
    // The word beside the emoji, so the button reads the same where no emoji font is installed.
    button.textContent = (value === 'up' ? '👍 ' : '👎 ') + button.title;
    button.setAttribute('aria-label', button.title);
    button.addEventListener('click', () => rate(value));
    return button;
  });
  const paint = () => buttons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.rating === current)));
  async function rate(value) {
    const url = API + '/' + encodeURIComponent(sessionId) + '/messages/' + encodeURIComponent(replyId) + '/feedback';
    const taking = value === current;
    buttons.forEach(b => { b.disabled = true; });
    try {
      const response = await apiFetch(url, taking ? {method: 'DELETE'} : {
        method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({rating: value})});
      if (!response.ok) throw await problemOf(response);
      current = taking ? null : (await response.json()).rating;
      paint();
    } catch (failure) {
      explain(failure instanceof Problem ? failure : new Problem(0, {detail: failure.message}, null));
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }
  box.append(...buttons);
  paint();
  handle.item.append(box);
}

function show(message) {
  if (message.role === 'user') return bubble('user', message.content, userMeta(message));
  const handle = bubble('assistant', message.content, replyMeta(message));
  citations(handle, message);
  rating(handle, message.id, message.feedback);
  return handle;
}

function showNotice(text, action) {
  notice.replaceChildren(document.createTextNode(text));
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    notice.append(button);
  }
  notice.hidden = false;
}

function clearNotice() {
  notice.hidden = true;
  notice.replaceChildren();
}

function setSession(id) {
  sessionId = id;
  if (id) {
    localStorage.setItem(SESSION_KEY, id);
    sessionLine.textContent = 'Conversation ' + id.slice(0, 8);
  } else {
    localStorage.removeItem(SESSION_KEY);
    sessionLine.textContent = 'No conversation yet: say something to start one.';
  }
}

function startOver() {
  setSession(null);
  list.replaceChildren();
  clearNotice();
  input.focus();
}

async function createSession() {
  const response = await apiFetch(API, {method: 'POST'});
  if (!response.ok) throw await problemOf(response);
  setSession((await response.json()).id);
}

/** Says what went wrong in words a person can act on. */
function explain(problem) {
  const newOne = {label: 'Start a new conversation', run: startOver};
  switch (problem.status) {
    case 410: return showNotice('This conversation expired after a while without messages.', newOne);
    case 404: return showNotice('This conversation no longer exists.', newOne);
    case 503: return showNotice('The server is busy right now. Please try again in '
      + (problem.retryAfter || 1) + (problem.retryAfter > 1 ? ' seconds.' : ' second.'));
    case 409: return showNotice('Your previous message is still being answered; send this one when it is done.');
    case 400: case 413: return showNotice('That message was not accepted: ' + problem.message);
    default: return showNotice('Something went wrong (' + (problem.status || 'network') + '): ' + problem.message);
  }
}

/** Yields {event, data} for each server-sent event in the response body. */
async function* events(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), {stream: !done});
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) yield {event, data: JSON.parse(data.join('\n'))};
    }
    if (done) return;
  }
}

async function send(content) {
  let user = null;
  let reply = null;
  try {
    if (!sessionId) await createSession();
    user = bubble('user', content, 'sending…');
    reply = bubble('assistant', '', '');
    reply.item.classList.add('streaming');
    const response = await apiFetch(API + '/' + encodeURIComponent(sessionId) + '/messages/stream', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'text/event-stream'},
      body: JSON.stringify({content, clientMessageId: crypto.randomUUID ? crypto.randomUUID() : undefined}),
    });
    if (!response.ok) throw await problemOf(response);
    let finished = false;
    for await (const {event, data} of events(response)) {
      if (event === 'message') user.meta(userMeta(data));
      else if (event === 'delta') reply.append(data.text);
      else if (event === 'done') {
        user.meta(userMeta(data.userMessage));
        reply.text(data.reply.content);
        reply.meta(replyMeta(data.reply));
        citations(reply, data.reply);
        rating(reply, data.reply.id, null);
        finished = true;
      } else if (event === 'error') throw new Problem(data.status, data, null);
    }
    if (!finished) throw new Problem(0, {detail: 'the reply stopped before it was complete'}, null);
  } catch (failure) {
    // Nothing of a failed turn is stored, so nothing of it stays on screen; the text goes back to be resent.
    user?.item.remove();
    reply?.item.remove();
    input.value = input.value || content;
    explain(failure instanceof Problem ? failure : new Problem(0, {detail: failure.message}, null));
  } finally {
    reply?.item.classList.remove('streaming');
  }
}

async function restore() {
  if (!sessionId) return;
  setSession(sessionId);
  const pages = [];
  let before = null;
  try {
    for (let i = 0; i < HISTORY_PAGES; i++) {
      const query = '?limit=50' + (before ? '&before=' + encodeURIComponent(before) : '');
      const response = await apiFetch(API + '/' + encodeURIComponent(sessionId) + '/messages' + query);
      if (!response.ok) throw await problemOf(response);
      const page = await response.json();
      pages.unshift(page.items); // pages come newest first, each oldest first
      before = page.nextBefore;
      if (!before) break;
    }
    pages.flat().forEach(show);
  } catch (failure) {
    explain(failure instanceof Problem ? failure : new Problem(0, {detail: failure.message}, null));
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const content = input.value.trim();
  if (!content) return;
  clearNotice();
  input.value = '';
  sendButton.disabled = true;
  input.setAttribute('aria-busy', 'true');
  try {
    await send(content);
  } finally {
    sendButton.disabled = false;
    input.removeAttribute('aria-busy');
    input.focus();
  }
});

input.addEventListener('keydown', event => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

document.getElementById('new-session').addEventListener('click', startOver);

restore();
