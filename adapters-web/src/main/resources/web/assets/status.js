// The status page: polls /api/v1/status and draws the last minutes of readings.
'use strict';

const POLL_MS = 2000;
const WINDOW_MS = 5 * 60 * 1000;
const MIB = 1024 * 1024;
const SVG = 'http://www.w3.org/2000/svg';

const readings = [];

function mib(bytes) {
  return bytes == null ? 'unknown' : (bytes / MIB).toFixed(1) + ' MiB';
}

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Draws each series ({name, value}) as a line over the window, with the top of the scale labelled. */
function draw(svg, series, unit) {
  const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
  const left = 48, top = 10, bottom = height - 18;
  const now = Date.now();
  // Until five minutes of readings exist, the chart spans what there is (one minute at least).
  const span = Math.min(WINDOW_MS, Math.max(60 * 1000, now - (readings.length ? readings[0].time : now)));
  const values = readings.flatMap(r => series.map(s => s.value(r))).filter(v => v != null);
  const max = Math.max(1, ...values) * 1.1;
  const x = t => left + (width - left - 4) * (1 - (now - t) / span);
  const y = v => bottom - (bottom - top) * v / max;
  const nodes = [
    element('line', {class: 'axis', x1: left, y1: bottom, x2: width - 4, y2: bottom}),
    element('line', {class: 'axis', x1: left, y1: top, x2: left, y2: bottom}),
    element('text', {x: 2, y: top + 8}, max.toFixed(max < 10 ? 1 : 0) + ' ' + unit),
    element('text', {x: 2, y: bottom}, '0'),
    element('text', {x: left, y: height - 4}, '−' + Math.round(span / 60000) + ' min'),
    element('text', {x: width - 30, y: height - 4}, 'now'),
  ];
  for (const s of series) {
    const points = readings.filter(r => s.value(r) != null).map(r => x(r.time) + ',' + y(s.value(r)));
    nodes.push(element('polyline', {class: s.name, points: points.join(' ')}));
  }
  svg.replaceChildren(...nodes);
}

/** Growth of a running total between the oldest reading in the window and the latest. */
function growth(pick) {
  return pick(readings[readings.length - 1].activity) - pick(readings[0].activity);
}

function fillTable(id, byKey) {
  const latest = readings[readings.length - 1].activity[byKey];
  const rows = Object.keys(latest).sort().map(key => {
    const row = document.createElement('tr');
    const cells = [key, growth(a => a[byKey][key] || 0), latest[key]];
    cells.forEach((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i > 0) cell.className = 'count';
      cell.textContent = value;
      row.append(cell);
    });
    return row;
  });
  if (!rows.length) {
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = 3;
    cell.className = 'muted';
    cell.textContent = 'none yet';
    row.append(cell);
    rows.push(row);
  }
  document.querySelector('#' + id + ' tbody').replaceChildren(...rows);
}

/** Each figure as its growth over the window, then the total since the instance started. */
function renderActivity(latest) {
  const minutes = Math.max(1, Math.round((Date.now() - readings[0].time) / 60000));
  document.getElementById('window').textContent = '(last ' + minutes + ' min, up to 5; and since start)';
  const messages = growth(a => a.messages);
  const low = growth(a => a.lowConfidenceMessages);
  document.getElementById('messages').textContent = messages + ' (' + latest.messages + ')';
  document.getElementById('low-confidence').textContent = (messages ? Math.round(100 * low / messages) : 0) + '% ('
    + (latest.messages ? Math.round(100 * latest.lowConfidenceMessages / latest.messages) : 0) + '%)';
  document.getElementById('rated-up').textContent = growth(a => a.ratedUp) + ' (' + latest.ratedUp + ')';
  document.getElementById('rated-down').textContent = growth(a => a.ratedDown) + ' (' + latest.ratedDown + ')';
  fillTable('routes', 'repliesByRoute');
  fillTable('intents', 'messagesByIntent');
}

function render(latest) {
  document.getElementById('heap').textContent = mib(latest.heapUsedBytes)
    + (latest.heapMaxBytes ? ' of ' + mib(latest.heapMaxBytes) : '');
  document.getElementById('rss').textContent = mib(latest.rssBytes);
  document.getElementById('inflight').textContent = latest.requestsInFlight;
  const circuit = document.getElementById('circuit');
  circuit.textContent = latest.llmCircuit.replace('_', ' ');
  circuit.title = latest.llmCircuit === 'not_used' ? 'No LLM is configured: the offline responder answers' : '';
  circuit.className = latest.llmCircuit;
  document.getElementById('updated').textContent = 'Updated ' + new Date(latest.at).toLocaleTimeString();
  renderActivity(latest.activity);
  draw(document.getElementById('memory-chart'), [
    {name: 'heap', value: r => r.heapUsedBytes / MIB},
    {name: 'rss', value: r => (r.rssBytes == null ? null : r.rssBytes / MIB)},
  ], 'MiB');
  draw(document.getElementById('inflight-chart'), [{name: 'inflight', value: r => r.requestsInFlight}], '');
}

async function poll() {
  try {
    const response = await apiFetch('/api/v1/status', {cache: 'no-store'});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const latest = await response.json();
    readings.push({time: Date.now(), ...latest});
    while (readings.length && readings[0].time < Date.now() - WINDOW_MS) readings.shift();
    render(latest);
  } catch (failure) {
    document.getElementById('updated').textContent = 'The service did not answer (' + failure.message
      + '); retrying every ' + POLL_MS / 1000 + ' s.';
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

poll();
