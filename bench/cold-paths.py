"""bench/cold-paths' client: right after the service is ready, the first turn of each route, in this order, then the
same turns again until each route has STEADY more; prints one line per route with the first turn's milliseconds and
the median of the steady ones.

    python3 cold-paths.py COMBOT_URL STEADY

Routes: llm (a session's first message, routed to the LLM), llm-history (the next message of that session: the LLM
reads the stored history), fast-path and safety (fixed replies), v1 and v1-stream (a completion without a session
header, not streamed and streamed, through the OpenAI-compatible API), classify (POST /api/v1/classify). Each turn
goes to a new session but llm-history, so that histories stay one turn long.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

TIMEOUT = 30
QUESTION = "How do I change the delivery address on my order?"
FOLLOW_UP = "And can I still do that after it has shipped?"
MODEL = "combot-default"


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)


def call(conn, method, path, body=None):
    """Milliseconds from sending to the last byte of the answer, and the answer; fails on a non-2xx."""
    data = json.dumps(body).encode() if body is not None else b""
    start = time.perf_counter()
    conn.request(method, path, data, {"Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status // 100 != 2:
        raise SystemExit(f"{method} {path} answered {response.status}: {payload[:300]!r}")
    return elapsed, payload


def new_session(conn):
    return json.loads(call(conn, "POST", "/api/v1/sessions")[1])["id"]


def turn(conn, session, text, route):
    elapsed, payload = call(conn, "POST", f"/api/v1/sessions/{session}/messages", {"content": text})
    answered = json.loads(payload)["reply"]["route"]
    if answered != route:
        raise SystemExit(f"'{text}' went the {answered} route, not {route}")
    return elapsed


def completion(conn, stream):
    body = {"model": MODEL, "stream": stream, "messages": [
        {"role": "user", "content": "My order number is 4711."},
        {"role": "assistant", "content": "Thanks, I have noted order 4711."},
        {"role": "user", "content": QUESTION}]}
    elapsed, payload = call(conn, "POST", "/v1/chat/completions", body)
    if stream and not payload.rstrip().endswith(b"data: [DONE]"):
        raise SystemExit(f"the stream did not end with [DONE]: {payload[-200:]!r}")
    return elapsed


def rounds(conn):
    """One turn of each route, in the order the first ones are measured."""
    session = new_session(conn)
    yield "llm", turn(conn, session, QUESTION, "llm")
    yield "llm-history", turn(conn, session, FOLLOW_UP, "llm")
    yield "fast-path", turn(conn, new_session(conn), "Hello there!", "fast_path")
    yield "safety", turn(conn, new_session(conn), "I want to kill myself", "safety")
    yield "v1", completion(conn, False)
    yield "v1-stream", completion(conn, True)
    yield "classify", call(conn, "POST", "/api/v1/classify", {"text": QUESTION})[0]


def main(url, steady):
    conn = connection(url)
    first = dict(rounds(conn))
    later = {route: [] for route in first}
    deadline = time.monotonic() + int(steady) * len(first) * TIMEOUT
    for _ in range(int(steady)):
        if time.monotonic() > deadline:
            raise SystemExit("cold-paths: out of time")
        for route, elapsed in rounds(conn):
            later[route].append(elapsed)
    for route in first:
        print(f"{route} {first[route]:.1f} {statistics.median(later[route]):.1f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
