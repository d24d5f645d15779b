"""bench/added-latency's client: one user, sequential, the same LLM-routed texts to the fake LLM directly and through
Combot, alternately, so that a drift of the machine falls on both; p50 and p99 of each and their difference. Each
turn is followed by another direct call and then the same text to POST /api/v1/classify, which, after the same pause,
shows how much of what Combot adds is the classification a turn cannot skip.

    python3 added-latency.py COMBOT_URL FAKE_LLM_URL SESSIONS_FILE REQUESTS TAG
"""
import http.client
import json
import math
import statistics
import sys
import time
import urllib.parse

TEXTS = ["How do I reset my password?", "Where is my order?", "Can you help me change my delivery address?",
         "This is the third time my parcel is late", "What can you do?"]
TURNS_PER_SESSION = 4  # as the load test: a session's history (sent to the LLM) stays short
# A request like the one Combot sends for a turn without history: the model it is configured with, a system prompt of
# the shipped bot's size, the user's text.
SYSTEM = ("You are Combot, a customer service assistant. Be brief, friendly and accurate. " * 4).strip()
MODEL = "gpt-4o-mini"
TIMEOUT = 30


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT), parts.path.rstrip("/")


def post(conn, path, body):
    """Milliseconds from sending to the last byte of the answer, and the parsed answer; fails on a non-2xx."""
    data = json.dumps(body).encode()
    start = time.perf_counter()
    conn.request("POST", path, data, {"Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status // 100 != 2:
        raise SystemExit(f"POST {path} answered {response.status}: {payload[:300]!r}")
    return elapsed, json.loads(payload)


def percentile(values, p):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main(combot_url, fake_url, sessions_file, requests, tag):
    with open(sessions_file) as f:
        sessions = [line.strip() for line in f if line.strip()]
    combot, combot_prefix = connection(combot_url)
    fake, fake_prefix = connection(fake_url)
    direct, through, classified, off_route = [], [], [], []
    deadline = time.monotonic() + int(requests) * 4 * TIMEOUT  # bounded even if every call timed out
    for n in range(int(requests)):
        if time.monotonic() > deadline:
            raise SystemExit("added-latency: out of time")
        text = f"{TEXTS[n % len(TEXTS)]} ({tag}-{n})"
        llm_request = {"model": MODEL, "messages": [{"role": "system", "content": SYSTEM},
                                                     {"role": "user", "content": text}]}
        elapsed, _ = post(fake, fake_prefix + "/chat/completions", llm_request)
        direct.append(elapsed)
        session = sessions[(n // TURNS_PER_SESSION) % len(sessions)]
        elapsed, answer = post(combot, f"{combot_prefix}/api/v1/sessions/{session}/messages", {"content": text})
        through.append(elapsed)
        route = answer.get("reply", {}).get("route")
        if route != "llm":
            off_route.append(f"{text!r} -> {route}, intent {answer.get('userMessage', {}).get('intent')}")
        elapsed, _ = post(fake, fake_prefix + "/chat/completions", llm_request)
        direct.append(elapsed)
        elapsed, _ = post(combot, f"{combot_prefix}/api/v1/classify", {"text": text})
        classified.append(elapsed)
    for name, values in (("direct", direct), ("combot", through), ("classify", classified)):
        print(f"{name} {statistics.median(values):.2f} {percentile(values, 99):.2f}")
    print(f"off-route {len(off_route)}")
    for turn in off_route[:5]:
        print(f"added-latency: not routed to the LLM: {turn}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
