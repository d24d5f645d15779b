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
