"""The connection-abuse attacks of issues 18 and 28 against a running service, with a normal client beside it.

CONNECTIONS connections each send the start of a request (request line and Host) and then one header byte every
INTERVAL seconds, never finishing the head; each one the service closes is opened again at once, as an attacker
would. Meanwhile a normal client, in a process of its own so that the attacker's work does not delay it, sends one
request a second (POST /api/v1/sessions, a new connection each). Prints the normal requests' slowest and median times,
the attack connections the service closed and how long after their first byte, and the service's peak RSS. Exit 0
when every normal request was answered 201 within 2 s, every attack connection was closed within the head deadline
(plus one second for timers and for this client's own lag on a loaded machine), and the peak RSS stayed under
512 MB; 1 otherwise.

With --body-flood (issue 28) each attack connection instead declares a body of BODY bytes, sends all of it but the
last byte and holds, with the key --flood-key or none; the normal client sends --normal-key. Exit 0 when every normal
request was answered 201 within 2 s and the peak RSS stayed under 512 MB; the attack connections' answers are counted
by status.

    python3 bench/abuse.py --url http://127.0.0.1:PORT --pid PID [--connections 2000] [--interval 2]
                           [--duration 40] [--head-timeout 5]
                           [--body-flood --body 65536 [--flood-key KEY] --normal-key KEY]
"""
import argparse
import asyncio
import concurrent.futures
import multiprocessing
import re
import resource
import socket
import statistics
import sys
import time
import urllib.request

NORMAL_LIMIT_S = 2.0
RSS_LIMIT_MB = 512
SLACK_S = 1.0
HEAD_START = b"POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


class Attack:
    """Every attack connection, as asyncio protocols: callbacks cost far less than a coroutine per connection."""

    def __init__(self, host, port, interval, stop_at):
        self.host, self.port, self.interval, self.stop_at = host, port, interval, stop_at
        self.open = set()
        self.opened = 0
        self.failed_to_open = 0
        self.closed_after = []  # seconds from a connection's first byte to the service's close
        self.answered_408 = 0
        self.protocol = Trickler
        self.body = 0
        self.flood_head = b""
        self.answers = {}  # body flood: the attack connections' answers by status

    def body_flood(self, body, key):
        self.protocol = BodyHolder
        self.body = body
        self.flood_head = (b"POST /api/v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           + (b"Authorization: Bearer " + key.encode() + b"\r\n" if key else b"")
                           + b"Content-Length: " + str(body).encode() + b"\r\n\r\n")

    async def connect(self):
        loop = asyncio.get_running_loop()
        while time.monotonic() < self.stop_at:
            try:
                await loop.create_connection(lambda: self.protocol(self), self.host, self.port)
                return
            except OSError:
                self.failed_to_open += 1
                await asyncio.sleep(self.interval)

    async def trickle(self):
        """A header byte every interval on each open connection, spread over the interval in steps of 0.1 s."""
        while time.monotonic() < self.stop_at:
            now = time.monotonic()
            for trickler in list(self.open) if self.protocol is Trickler else ():
                if trickler.next_byte_at <= now:
                    trickler.transport.write(b"a")
                    trickler.next_byte_at += self.interval
            await asyncio.sleep(0.1)


class BodyHolder(asyncio.Protocol):
    """Declares a body, sends all of it but the last byte, and holds; reopened by the attack when closed."""

    def __init__(self, attack):
        self.attack = attack
        self.answer = b""
        self.done = False

    def connection_made(self, transport):
        attack = self.attack
        transport.write(attack.flood_head + bytes(attack.body - 1))
        attack.opened += 1
        attack.open.add(self)
        self.transport = transport

    def data_received(self, data):
        self.answer += data[:16]

    def eof_received(self):
        self.closed_by_service()
        return False

    def connection_lost(self, exc):
        if not self.done:
            self.closed_by_service()

    def closed_by_service(self):
        self.done = True
        attack = self.attack
        attack.open.discard(self)
        status = self.answer[9:12].decode(errors="replace") if self.answer.startswith(b"HTTP/1.1 ") else "none"
        attack.answers[status] = attack.answers.get(status, 0) + 1
        if time.monotonic() < attack.stop_at:
            asyncio.get_running_loop().create_task(attack.connect())


class Trickler(asyncio.Protocol):
    def __init__(self, attack):
        self.attack = attack
        self.transport = None
        self.first_byte = 0.0
        self.next_byte_at = 0.0
        self.answer = b""
        self.done = False

    def connection_made(self, transport):
        self.transport = transport
        transport.write(HEAD_START)
        self.first_byte = time.monotonic()
        self.next_byte_at = self.first_byte + self.attack.interval
        self.attack.opened += 1
        self.attack.open.add(self)

    def data_received(self, data):
        self.answer += data[:16]

    def eof_received(self):
        self.closed_by_service()
        return False

    def connection_lost(self, exc):
        if not self.done:
            self.closed_by_service()

    def closed_by_service(self):
        self.done = True
        attack = self.attack
        attack.open.discard(self)
        attack.closed_after.append(time.monotonic() - self.first_byte)
        if self.answer.startswith(b"HTTP/1.1 408"):
            attack.answered_408 += 1
        if time.monotonic() < attack.stop_at:
            asyncio.get_running_loop().create_task(attack.connect())


async def sample_rss(pid, stop_at, peak):
    while time.monotonic() < stop_at:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    peak[0] = max(peak[0], int(line.split()[1]))
        await asyncio.sleep(0.5)


async def measure_lag(stop_at, lag):
    """How late this client's own event loop runs: a close it sees late may have been on time at the service."""
    while time.monotonic() < stop_at:
        before = time.monotonic()
        await asyncio.sleep(0.1)
        lag[0] = max(lag[0], time.monotonic() - before - 0.1)


async def run_attack(attack, connections, pid, peak, lag):
    await asyncio.gather(*(attack.connect() for _ in range(connections)))
    await asyncio.gather(attack.trickle(), sample_rss(pid, attack.stop_at, peak), measure_lag(attack.stop_at, lag))
    # What is still open now is judged by its age: older than the deadline means the service did not close it.
    now = time.monotonic()
    ages = [now - trickler.first_byte for trickler in attack.open if isinstance(trickler, Trickler)]
    for trickler in list(attack.open):
        trickler.done = True
        trickler.transport.abort()
    return ages


def normal_request(host, port, key):
    started = time.monotonic()
    status = 0
    authorization = b"Authorization: Bearer " + key.encode() + b"\r\n" if key else b""
    try:
        with socket.create_connection((host, port), timeout=10) as conn:
            conn.sendall(b"POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                         + authorization + b"Connection: close\r\n\r\n")
            answer = b""
            while chunk := conn.recv(4096):
                answer += chunk
            status = int(answer.split(b" ", 2)[1])
    except (OSError, ValueError, IndexError):
        status = 0
    return time.monotonic() - started, status


def normal_client(host, port, duration, key, results):
    """One request a second, each on its own thread, so that a slow answer does not hold back the next request."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        futures = []
        start = time.monotonic()
        while time.monotonic() - start < duration:
            futures.append(pool.submit(normal_request, host, port, key))
            time.sleep(1 - (time.monotonic() - start) % 1)
        results.put([future.result() for future in futures])


def closed_by_rule(url):
    with urllib.request.urlopen(url + "/metrics", timeout=30) as response:
        scrape = response.read().decode()
    return {m.group(1): float(m.group(2)) for m in
            re.finditer(r'^combot_http_connections_closed_total\{reason="([^"]+)"} (\S+)$', scrape, re.M)}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", required=True, type=int)
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=40.0)
    parser.add_argument("--head-timeout", type=float, default=5.0)
    parser.add_argument("--body-flood", action="store_true")
    parser.add_argument("--body", type=int, default=65536)
    parser.add_argument("--flood-key", default="")
    parser.add_argument("--normal-key", default="")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.connections + 100:
        sys.exit(f"abuse: {args.connections} connections need more file descriptors than the limit {hard}")
    host, port = re.match(r"http://([^:/]+):(\d+)", args.url).groups()
    port = int(port)

    results = multiprocessing.Queue()
    normal = multiprocessing.Process(target=normal_client,
                                     args=(host, port, args.duration, args.normal_key, results))
    started = time.monotonic()
    attack = Attack(host, port, args.interval, started + args.duration)
    if args.body_flood:
        attack.body_flood(args.body, args.flood_key)
    normal.start()
    peak, lag = [0], [0.0]
    still_open_ages = asyncio.run(run_attack(attack, args.connections, args.pid, peak, lag))
    normal_results = results.get()
    normal.join()
    elapsed = time.monotonic() - started

    times = [seconds for seconds, _ in normal_results]
    answered = [seconds for seconds, status in normal_results if status == 201]
    slowest = max(times) if times else float("nan")
    deadline = args.head_timeout + SLACK_S
    closes = attack.closed_after
    late = [after for after in closes if after > deadline]
    open_past_deadline = [age for age in still_open_ages if age > deadline]
    rules = closed_by_rule(args.url)
    if args.body_flood:
        print(f"abuse: {args.connections} connections each declaring a {args.body}-byte body, sending all of it but "
              f"the last byte and holding, {'with a client key' if args.flood_key else 'without a key'}, for "
              f"{elapsed:.0f} s, each reopened when closed; a normal client (its own key) at one request a second")
    else:
        print(f"abuse: {args.connections} connections trickling a head (a byte every {args.interval:g} s) for "
              f"{elapsed:.0f} s, each reopened when closed; a normal client at one request a second")
    print(f"normal requests: {len(times)} sent, {len(answered)} answered 201, slowest {slowest * 1000:.0f} ms, "
          f"median {statistics.median(times) * 1000 if times else float('nan'):.0f} ms (target: every one 201 "
          f"within {NORMAL_LIMIT_S * 1000:.0f} ms)")
    if args.body_flood:
        print(f"attack connections: {attack.opened} opened, {attack.failed_to_open} failed to open, "
              f"{len(attack.open)} still open at the end; answers by status: "
              + ", ".join(f"{status} {count}" for status, count in sorted(attack.answers.items()))
              + f" ('none': closed unanswered, e.g. idle while this client's event loop, up to {lag[0]:.2f} s late, "
              f"had not yet sent the head)")
    else:
        print(f"attack connections: {attack.opened} opened, {len(closes)} closed by the service ({attack.answered_408} "
              f"after a 408), {attack.failed_to_open} failed to open; closed this long after their first byte: median "
              f"{percentile(closes, 0.5):.2f} s, p99 {percentile(closes, 0.99):.2f} s, slowest "
              f"{max(closes, default=float('nan')):.2f} s; {len(late)} closed and {len(open_past_deadline)} still open "
              f"later than {deadline:g} s (the {args.head_timeout:g} s deadline and {SLACK_S:g} s of slack); this "
              f"client's event loop ran up to {lag[0]:.2f} s late")
    print("closed by rule (/metrics): " + ", ".join(f"{rule} {count:.0f}" for rule, count in sorted(rules.items())))
    print(f"service peak RSS (VmRSS sampled every 0.5 s): {peak[0] / 1024:.1f} MB (target under {RSS_LIMIT_MB} MB)")
    heads_met = args.body_flood or (closes and not late and not open_past_deadline)
    met = (len(answered) == len(times) > 0 and slowest <= NORMAL_LIMIT_S and heads_met
           and peak[0] / 1024 < RSS_LIMIT_MB)
    print("verdict: " + ("met" if met else "MISSED"))
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
